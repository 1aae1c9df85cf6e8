package io.switchboard.designer.desk;

import com.vaadin.flow.shared.Registration;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.Offering;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The desk screens open on this instance: tells them at once of what the offering component did here
 * (an offer made, a state changed), and sets an agent offline when their last workspace here closes.
 * Offers made by another instance reach the screens through their own polling.
 */
public class DeskSessions {
  private final DeskService desk;
  private final Map<String, Set<Runnable>> workspaces = new ConcurrentHashMap<>();
  private final Set<Runnable> watchers = new CopyOnWriteArraySet<>();

  public DeskSessions(DeskService desk, Offering offering) {
    this.desk = desk;
    offering.listen(new Offering.Listener() {
      @Override
      public void offered(String username, String offerId) {
        tell(username);
      }

      @Override
      public void changed(String username) {
        tell(username);
      }
    });
  }

  /** An agent's workspace opened; {@code onChange} runs (on the offering thread) when their desk changed here. */
  public Registration workspace(String username, Runnable onChange) {
    Runnable own = onChange::run; // a distinct entry per screen, even for the same callback
    workspaces.computeIfAbsent(username, u -> new CopyOnWriteArraySet<>()).add(own);
    return () -> {
      boolean last = workspaces.computeIfPresent(username, (u, screens) -> {
        screens.remove(own);
        return screens.isEmpty() ? null : screens;
      }) == null;
      if (last) {
        desk.chooseState(username, "offline");
      }
    };
  }

  /** A supervisor's screen; {@code onChange} runs whenever any agent's desk changed here. */
  public Registration watch(Runnable onChange) {
    Runnable own = onChange::run;
    watchers.add(own);
    return () -> watchers.remove(own);
  }

  /** Something outside the offering component changed the agent's desk (they accepted, ended, wrapped up). */
  public void tell(String username) {
    workspaces.getOrDefault(username, Set.of()).forEach(Runnable::run);
    watchers.forEach(Runnable::run);
  }
}
