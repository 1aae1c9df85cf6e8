package io.switchboard.runtime.routing;

/** An agent away from {@code from} to {@code to} (epoch ms) for a reason (sick, leave, standby). */
public record Absence(String id, String username, long from, long to, String reason) {
  public boolean covers(long at) {
    return from <= at && at < to;
  }
}
