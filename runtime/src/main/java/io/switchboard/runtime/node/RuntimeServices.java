package io.switchboard.runtime.node;

import io.switchboard.runtime.engine.Ids;
import java.time.Clock;

/** What executors may use at run time besides the interaction itself. */
public record RuntimeServices(Clock clock, Ids ids, TicketLookup tickets) {

  /** Tells whether a case exists; the store implements it. */
  @FunctionalInterface
  public interface TicketLookup {
    boolean exists(String ticketId);
  }
}
