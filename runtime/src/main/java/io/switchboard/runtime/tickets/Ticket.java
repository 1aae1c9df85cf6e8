package io.switchboard.runtime.tickets;

/**
 * A thread: the case that gathers every interaction, e-mail, message and note about one matter.
 *
 * @param number the short number people quote ("#1042"), also in e-mail subjects as "[#1042]"
 * @param channel the channel it began on (email, voice, message, …), or null when a person opened it
 */
public record Ticket(String id, long number, String subject, Customer customer, String queue, String assignee,
    String priority, String status, String channel, long createdAt, long updatedAt, long statusSince, Sla sla) {

  /**
   * Where the thread stands against its limits; the deadlines are stored and survive restarts.
   *
   * @param state ok, nearing (most of a limit's time is used) or breached
   * @param breach which limit was passed, in words ("first response due 14:00 UTC"), or null
   * @param pausedAt when a status that pauses the clock began, or null while the clock runs
   * @param raisedFrom the priority before nearing its limit raised it, or null
   */
  public record Sla(String state, Long firstResponseDue, Long firstResponseAt, Long resolutionDue, Long resolvedAt,
      Long statusDue, Long pausedAt, String breach, Long breachedAt, String raisedFrom) {

    public boolean breached() {
      return "breached".equals(state);
    }
  }
}
