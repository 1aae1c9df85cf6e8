package io.switchboard.runtime.tickets;

import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.StepRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the threads need of the rest of the system, each behind a small interface its owner implements. */
public final class TicketPorts {
  private TicketPorts() {}

  /** Who of a queue is here to take threads: the desk's presence and the routing's absences. */
  public interface Presence {
    /** The queue's members who are signed in and neither away nor absent now, by name. */
    List<String> present(String queue, long now);

    /** Who cannot look after their threads now, and why ("away", "absent until 4 Dec 2026 (holiday)"). */
    Map<String, String> gone(long now);

    boolean queueExists(String queue);
  }

  /** The interactions a thread gathers. */
  public interface Interactions {
    Optional<Interaction> find(String id);

    List<StepRecord> steps(String id);

    Optional<CompiledFlow> flow(String flowId, int version);

    /** The desk notes written on it, oldest first, as "who: text". */
    List<String> notes(String id);

    /** Hands the customer's reply to it when it waits for the event {@code customer-reply}. */
    void customerReplied(String id, Map<String, Object> reply);
  }

  /** Who the people are. */
  public interface People {
    boolean exists(String username);

    /** The display name, or the username when there is none. */
    String name(String username);
  }

  /** What happens when a thread passes a limit: a flow whose trigger listens for it runs. */
  public interface Breaches {
    void breached(Ticket thread, String breach);

    Breaches NONE = (thread, breach) -> { };
  }
}
