package io.switchboard.runtime.store;

import io.switchboard.runtime.model.Delivery;
import static io.switchboard.runtime.store.jooq.Tables.OUTBOX;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The outbox table. A dispatcher claims a due message by a conditional update (so that of several
 * instances exactly one gets it), holds it for a lease, and records the result; a message whose
 * lease ran out (its dispatcher died) becomes due again.
 */
public final class OutboxRepository {
  private final DSLContext dsl;
  private final Clock clock;

  public OutboxRepository(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  /** A message claimed for delivery. */
  public record Message(String id, String interactionId, int stepSeq, String kind, Map<String, Object> payload,
      String idempotencyKey, int attempts) {}

  /**
   * Writes a message to deliver once the caller's transaction commits.
   *
   * @param interactionId the interaction whose step asked for it, or null for one a person asked for
   *     outside any interaction (a reply written in a thread)
   */
  public static void insert(DSLContext tx, String id, String interactionId, int stepSeq, String kind,
      Map<String, Object> payload, String idempotencyKey, long now) {
    tx.insertInto(OUTBOX).set(OUTBOX.ID, id).set(OUTBOX.INTERACTION_ID, interactionId).set(OUTBOX.STEP_SEQ, stepSeq)
        .set(OUTBOX.KIND, kind).set(OUTBOX.PAYLOAD, Json.write(payload)).set(OUTBOX.IDEMPOTENCY_KEY, idempotencyKey)
        .set(OUTBOX.STATUS, OutboxStatus.pending.name()).set(OUTBOX.ATTEMPTS, 0).set(OUTBOX.NEXT_ATTEMPT_AT, now)
        .set(OUTBOX.CREATED_AT, now).execute();
  }


  private Condition due(long now) {
    return OUTBOX.STATUS.eq(OutboxStatus.pending.name()).and(OUTBOX.NEXT_ATTEMPT_AT.le(now))
        .or(OUTBOX.STATUS.eq(OutboxStatus.sending.name()).and(OUTBOX.LEASE_UNTIL.le(now)));
  }

  public List<String> dueIds(int limit) {
    return dsl.select(OUTBOX.ID).from(OUTBOX).where(due(clock.millis())).orderBy(OUTBOX.NEXT_ATTEMPT_AT).limit(limit)
        .fetch(OUTBOX.ID);
  }

  /** Claims a due message for {@code leaseMillis}; empty when it is not due or someone else took it. */
  public Optional<Message> claim(String id, long leaseMillis) {
    long now = clock.millis();
    int claimed = dsl.update(OUTBOX)
        .set(OUTBOX.STATUS, OutboxStatus.sending.name())
        .set(OUTBOX.LEASE_UNTIL, now + leaseMillis)
        .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
        .where(OUTBOX.ID.eq(id).and(due(now)))
        .execute();
    if (claimed == 0) {
      return Optional.empty();
    }
    return dsl.selectFrom(OUTBOX).where(OUTBOX.ID.eq(id)).fetchOptional(r -> new Message(r.getId(), r.getInteractionId(),
        r.getStepSeq(), r.getKind(), Json.map(r.getPayload()), r.getIdempotencyKey(), r.getAttempts()));
  }

  public void sent(String id) {
    dsl.update(OUTBOX).set(OUTBOX.STATUS, OutboxStatus.sent.name()).set(OUTBOX.SENT_AT, clock.millis())
        .setNull(OUTBOX.LEASE_UNTIL).setNull(OUTBOX.LAST_ERROR).where(OUTBOX.ID.eq(id)).execute();
  }

  /** Records a failed attempt: due again after {@code retryInMillis}, or failed for good when null. */
  public void attemptFailed(String id, String error, Long retryInMillis) {
    String message = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
    var update = dsl.update(OUTBOX).set(OUTBOX.LAST_ERROR, message).setNull(OUTBOX.LEASE_UNTIL);
    if (retryInMillis == null) {
      update.set(OUTBOX.STATUS, OutboxStatus.failed.name()).where(OUTBOX.ID.eq(id)).execute();
    } else {
      update.set(OUTBOX.STATUS, OutboxStatus.pending.name()).set(OUTBOX.NEXT_ATTEMPT_AT, clock.millis() + retryInMillis)
          .where(OUTBOX.ID.eq(id)).execute();
    }
  }

  public List<Delivery> deliveries(String interactionId) {
    return dsl.selectFrom(OUTBOX).where(OUTBOX.INTERACTION_ID.eq(interactionId)).orderBy(OUTBOX.STEP_SEQ)
        .fetch(r -> new Delivery(r.getId(), r.getStepSeq(), r.getKind(), r.getStatus(), r.getAttempts(), r.getLastError(),
            r.getSentAt()));
  }
}
