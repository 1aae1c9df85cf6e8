package io.switchboard.runtime.engine;

import java.time.Clock;

/** What the engine gives the steps it runs besides the interaction itself: time, ids and the cases that exist. */
public record RuntimeServices(Clock clock, Ids ids, TicketLookup tickets) {

  /** Tells whether a case exists; the store implements it. */
  @FunctionalInterface
  public interface TicketLookup {
    boolean exists(String ticketId);
  }
}
