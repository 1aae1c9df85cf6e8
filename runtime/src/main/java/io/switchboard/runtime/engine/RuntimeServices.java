package io.switchboard.runtime.engine;

import io.switchboard.runtime.node.QueueInfo;
import java.time.Clock;
import java.util.Optional;

/** What the engine gives the steps it runs besides the interaction itself: time, ids, the cases and queues that exist. */
public record RuntimeServices(Clock clock, Ids ids, TicketLookup tickets, QueueLookup queues) {

  /** Without queues of our own: every queue is the provider's. */
  public RuntimeServices(Clock clock, Ids ids, TicketLookup tickets) {
    this(clock, ids, tickets, queue -> Optional.empty());
  }

  /** Tells whether a case exists; the store implements it. */
  @FunctionalInterface
  public interface TicketLookup {
    boolean exists(String ticketId);
  }

  /** The desk's queues; the desk implements it. */
  @FunctionalInterface
  public interface QueueLookup {
    Optional<QueueInfo> find(String queue);
  }
}
