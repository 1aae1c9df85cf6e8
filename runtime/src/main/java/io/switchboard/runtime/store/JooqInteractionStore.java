package io.switchboard.runtime.store;

import static io.switchboard.runtime.store.jooq.Tables.ALERT;
import static io.switchboard.runtime.store.jooq.Tables.INTERACTION;
import static io.switchboard.runtime.store.jooq.Tables.INTERACTION_STEP;
import static io.switchboard.runtime.store.jooq.Tables.OUTBOX;
import static io.switchboard.runtime.store.jooq.Tables.THREAD;

import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.node.ProviderInstruction;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.store.jooq.tables.records.InteractionRecord;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep12;
import org.jooq.impl.DSL;
import io.switchboard.runtime.store.jooq.tables.records.InteractionStepRecord;

/**
 * Interactions in a relational database through jOOQ. One {@link #save} is one transaction: the
 * interaction row (inserted, or updated only if its revision is unchanged), its new step rows in one
 * multi-row insert, and the rows of their effects (outbox messages, alerts, cases).
 */
public final class JooqInteractionStore implements InteractionStore {
  private final DSLContext dsl;
  private final Clock clock;
  private final List<SaveHook> hooks;

  public JooqInteractionStore(DSLContext dsl, Clock clock) {
    this(dsl, clock, List.of());
  }

  /** @param hooks what features keep in step with an interaction, in its own transaction (the desk's queues) */
  public JooqInteractionStore(DSLContext dsl, Clock clock, List<SaveHook> hooks) {
    this.dsl = dsl;
    this.clock = clock;
    this.hooks = List.copyOf(hooks);
  }

  /**
   * Work a feature does in the transaction that saves an interaction, seeing its new state and the
   * steps just logged; throwing {@link ConcurrentUpdateException} rolls the whole save back.
   */
  @FunctionalInterface
  public interface SaveHook {
    void inTransaction(DSLContext tx, Interaction interaction, long now);
  }

  @Override
  public void save(Interaction it) {
    long now = clock.millis();
    try {
      transaction(it, now);
    } catch (org.jooq.exception.DataAccessException e) {
      if (Databases.isRollback(e)) {
        throw new ConcurrentUpdateException(it.id(), "another change to it came at the same moment; try again");
      }
      throw e;
    }
    it.saved(now);
  }

  private void transaction(Interaction it, long now) {
    dsl.transaction(configuration -> {
      DSLContext tx = configuration.dsl();
      if (it.isNew()) {
        tx.executeInsert(record(tx, it, now));
      } else {
        int updated = tx.update(INTERACTION)
            .set(record(tx, it, now))
            .where(INTERACTION.ID.eq(it.id()).and(INTERACTION.REVISION.eq(it.revision())))
            .execute();
        if (updated == 0) {
          throw new ConcurrentUpdateException(it.id());
        }
      }
      insertSteps(tx, it);
      for (StepRecord step : it.newSteps()) {
        for (Effect effect : step.effects()) {
          insertEffect(tx, it, step, effect, now);
        }
      }
      for (SaveHook hook : hooks) {
        hook.inTransaction(tx, it, now);
      }
    });
  }

  private static InteractionRecord record(DSLContext tx, Interaction it, long now) {
    InteractionRecord r = tx.newRecord(INTERACTION);
    r.setId(it.id());
    r.setFlowId(it.flowId());
    r.setFlowVersion(it.flowVersion());
    r.setChannel(it.channel());
    r.setStatus(it.status().name());
    r.setCurrentNode(it.currentNode());
    r.setVariables(Json.write(it.variables()));
    r.setTriggerData(Json.write(it.trigger()));
    r.setWaiting(Json.write(it.waiting()));
    r.setWaitDeadline(it.waiting() == null ? null : it.waiting().deadline());
    r.setInstruction(Json.write(it.instruction()));
    r.setOutcome(truncate(it.outcome(), 500));
    r.setErrorMessage(it.error() == null ? null : truncate(it.error().message(), 2000));
    r.setErrorCode(it.error() == null ? null : it.error().code().name());
    r.setErrorDetails(FailureColumns.details(it.error()));
    r.setPriority(it.priority());
    r.setQueue(it.queue());
    r.setExternalRef(it.externalRef());
    r.setAgent(it.agent());
    r.setCustomer(it.trigger().get("from") instanceof String from ? truncate(from, 320) : null);
    r.setStepCount(it.stepCount());
    r.setRevision(it.revision() + 1);
    r.setCreatedAt(it.createdAt());
    r.setUpdatedAt(now);
    if (!it.isNew()) {
      r.changed(INTERACTION.ID, false);
      r.changed(INTERACTION.CREATED_AT, false);
    }
    return r;
  }

  private static void insertSteps(DSLContext tx, Interaction it) {
    if (it.newSteps().isEmpty()) {
      return;
    }
    InsertValuesStep12<InteractionStepRecord, String, Integer, String, String, String, Long, Long, String, String, String,
        String, String> insert = tx.insertInto(INTERACTION_STEP, INTERACTION_STEP.INTERACTION_ID, INTERACTION_STEP.SEQ,
            INTERACTION_STEP.NODE_ID, INTERACTION_STEP.NODE_TYPE, INTERACTION_STEP.PORT, INTERACTION_STEP.STARTED_AT,
            INTERACTION_STEP.DURATION_NS, INTERACTION_STEP.CHANGES, INTERACTION_STEP.ERROR_MESSAGE,
            INTERACTION_STEP.ERROR_CODE, INTERACTION_STEP.ERROR_DETAILS, INTERACTION_STEP.ACTOR);
    for (StepRecord s : it.newSteps()) {
      Failure error = s.error();
      insert = insert.values(it.id(), s.seq(), s.nodeId(), s.nodeType(), s.port(), s.startedAtMicros(), s.durationNanos(),
          s.changes().isEmpty() ? null : Json.write(s.changes()), error == null ? null : truncate(error.message(), 2000),
          error == null ? null : error.code().name(), FailureColumns.details(error), s.actor());
    }
    insert.execute();
  }

  private static void insertEffect(DSLContext tx, Interaction it, StepRecord step, Effect effect, long now) {
    switch (effect) {
      case Effect.OutboxMessage m ->
          OutboxRepository.insert(tx, m.id(), it.id(), step.seq(), m.kind(), m.payload(), m.idempotencyKey(), now);
      case Effect.AgentAssigned assigned -> { } // the desk's hook claims the offer
      case Effect.Alert a -> tx.insertInto(ALERT)
          .set(ALERT.ID, a.id()).set(ALERT.INTERACTION_ID, it.id()).set(ALERT.FLOW_ID, it.flowId())
          .set(ALERT.NODE_ID, step.nodeId()).set(ALERT.SEVERITY, a.severity()).set(ALERT.MESSAGE, truncate(a.message(), 2000))
          .set(ALERT.QUEUE, a.queue()).set(ALERT.CREATED_AT, now)
          .execute();
      case Effect.TicketChange t -> { } // the tickets' hook files it into its thread
    }
  }

  @Override
  public Optional<Interaction> find(String id) {
    return dsl.selectFrom(INTERACTION).where(INTERACTION.ID.eq(id)).fetchOptional().map(JooqInteractionStore::restore);
  }

  private static Interaction restore(InteractionRecord r) {
    return Interaction.restore(r.getId(), r.getFlowId(), r.getFlowVersion(), r.getChannel(), Json.map(r.getTriggerData()),
        Json.map(r.getVariables()), r.getCreatedAt(), InteractionStatus.valueOf(r.getStatus()), r.getCurrentNode(),
        Json.read(r.getWaiting(), Waiting.class), Json.read(r.getInstruction(), ProviderInstruction.class), r.getOutcome(),
        FailureColumns.read(r.getErrorCode(), r.getErrorMessage(), r.getErrorDetails()), r.getPriority(), r.getQueue(), r.getExternalRef(), r.getAgent(), r.getStepCount(), r.getRevision(),
        r.getUpdatedAt());
  }

  @Override
  public List<StepRecord> steps(String interactionId) {
    return dsl.selectFrom(INTERACTION_STEP).where(INTERACTION_STEP.INTERACTION_ID.eq(interactionId))
        .orderBy(INTERACTION_STEP.SEQ)
        .fetch(s -> new StepRecord(s.getSeq(), s.getNodeId(), s.getNodeType(), s.getPort(), s.getStartedAt(),
            s.getDurationNs(), Json.map(s.getChanges()),
            FailureColumns.read(s.getErrorCode(), s.getErrorMessage(), s.getErrorDetails()), List.of(), s.getActor()));
  }

  @Override
  public Optional<String> findByExternalRef(String externalRef) {
    return dsl.select(INTERACTION.ID).from(INTERACTION).where(INTERACTION.EXTERNAL_REF.eq(externalRef))
        .orderBy(INTERACTION.CREATED_AT.desc()).limit(1).fetchOptional(INTERACTION.ID);
  }

  @Override
  public List<String> dueWaits(long nowMillis, int limit) {
    return dsl.select(INTERACTION.ID).from(INTERACTION)
        .where(INTERACTION.WAIT_DEADLINE.le(nowMillis).and(INTERACTION.STATUS.eq(InteractionStatus.waiting.name())))
        .orderBy(INTERACTION.WAIT_DEADLINE).limit(limit).fetch(INTERACTION.ID);
  }

  @Override
  public boolean exists(String ticketId) {
    return dsl.fetchExists(DSL.selectOne().from(THREAD).where(THREAD.ID.eq(ticketId)));
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
