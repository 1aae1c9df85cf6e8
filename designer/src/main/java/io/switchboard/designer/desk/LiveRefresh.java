package io.switchboard.designer.desk;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import java.util.function.Function;

/**
 * Keeps a desk screen up to date: at once (through push) when this instance hears of a change, and
 * by polling every two seconds for what other instances changed.
 */
final class LiveRefresh {
  static final int POLL_MILLIS = 2000;

  private LiveRefresh() {}

  /**
   * Starts refreshing the screen; the registration stops it.
   *
   * @param subscribe registers a callback with {@link DeskSessions} and returns its registration
   */
  static Registration start(UI ui, Function<Runnable, Registration> subscribe, Runnable refresh) {
    Registration heard = subscribe.apply(() -> {
      try {
        ui.access(refresh::run);
      } catch (UIDetachedException gone) {
        // the screen closed meanwhile; its registration ends with its detach
      }
    });
    ui.setPollInterval(POLL_MILLIS);
    Registration poll = ui.addPollListener(e -> refresh.run());
    return () -> {
      ui.setPollInterval(-1);
      poll.remove();
      heard.remove();
    };
  }
}
