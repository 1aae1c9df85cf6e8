package io.switchboard.runtime.node;

import java.util.Map;

/**
 * A side effect a step asks for. Effects are saved in the same transaction as the step; outbound
 * ones (e-mail) are delivered from the outbox after commit.
 */
public sealed interface Effect {

  /** A message to deliver after commit; the idempotency key survives retries and restarts. */
  record OutboxMessage(String id, String kind, Map<String, Object> payload, String idempotencyKey) implements Effect {}

  /** The agent's accepted offer: saved only if the offer is still open, else nothing of the step is. */
  record AgentAssigned(String offerId, String agent) implements Effect {}

  /** An alert that agents and supervisors can list. */
  record Alert(String id, String severity, String message, String queue) implements Effect {}

  /** A case created or changed, with this interaction attached to it. */
  record TicketChange(Action action, String ticketId, String subject, String status, String priority, String queue)
      implements Effect {
    public enum Action {
      create, update, attach
    }
  }
}
