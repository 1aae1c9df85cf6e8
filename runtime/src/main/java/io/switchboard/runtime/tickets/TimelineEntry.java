package io.switchboard.runtime.tickets;

import java.util.List;
import java.util.Map;

/**
 * One thing in a thread's timeline, in time order.
 *
 * @param kind interaction (a call, chat or other interaction's card), email, message, note, document or change
 * @param direction in (from the customer), out (to the customer) or internal
 * @param by the user who wrote or changed it, "flow" for a flow's step, null for the customer
 * @param delivery for an e-mail we send: queued, sent or failed, with the last error; null otherwise
 * @param card for an interaction: its channel, caller, duration, agent, visible variables and path
 * @param detail for a change: field, from and to; for a received message: a problem reading it
 */
public record TimelineEntry(String id, String kind, String direction, long at, String by, String from, List<String> to,
    List<String> cc, String subject, String body, String html, String messageId, String interactionId,
    Delivery delivery, List<AttachmentInfo> attachments, Card card, Map<String, Object> detail) {

  public TimelineEntry {
    to = to == null ? List.of() : List.copyOf(to);
    cc = cc == null ? List.of() : List.copyOf(cc);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    detail = detail == null ? Map.of() : detail;
  }

  /** An attachment's facts; its bytes come from {@code GET /api/threads/{id}/attachments/{attachmentId}}. */
  public record AttachmentInfo(String id, String name, String contentType, long size, String refused) {}

  /** What became of an e-mail we send. */
  public record Delivery(String status, int attempts, String lastError, Long sentAt) {}

  /**
   * An interaction as its card shows it.
   *
   * @param variables the variables the flow marked as shown to the agent, by their labels
   * @param path the steps it took: node id, label and the port it left by
   */
  public record Card(String channel, String caller, String status, String outcome, long startedAt, long durationMillis,
      String agent, String flowId, int flowVersion, Map<String, Object> variables, List<Step> path, List<String> notes) {
    public record Step(String nodeId, String label, String type, String port) {}
  }
}
