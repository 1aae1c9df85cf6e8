package io.switchboard.runtime.tickets;

import java.util.Map;

/**
 * A status a thread can be in, with how long it may stay there per priority.
 *
 * @param pausesClock the first-response and resolution clocks stand still while a thread is in it
 *     (waiting for the customer)
 * @param resolves a thread in it counts as solved: the resolution clock stops
 * @param limitMinutes per priority (low, normal, high, urgent); a priority without one has no limit
 */
public record TicketStatus(String id, String label, int position, boolean pausesClock, boolean resolves,
    Map<String, Integer> limitMinutes) {
  public TicketStatus {
    limitMinutes = limitMinutes == null ? Map.of() : Map.copyOf(limitMinutes);
  }
}
