package io.switchboard.runtime.desk;

import static io.switchboard.runtime.store.jooq.Tables.CALL_LIST;
import static io.switchboard.runtime.store.jooq.Tables.CALL_LIST_ENTRY;
import static io.switchboard.runtime.store.jooq.Tables.INTERACTION;
import static io.switchboard.runtime.store.jooq.Tables.QUEUE_ENTRY;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.store.jooq.tables.records.CallListEntryRecord;
import io.switchboard.runtime.store.jooq.tables.records.CallListRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import tools.jackson.core.type.TypeReference;

/** Call lists and their entries; an entry is claimed for dialling by a conditional update. */
public final class CallListRepository {
  private static final TypeReference<LinkedHashMap<String, String>> COLUMNS = new TypeReference<>() {};

  private final DSLContext dsl;

  public CallListRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public void put(CallList list, long now) {
    dsl.transaction(c -> {
      DSLContext tx = c.dsl();
      if (tx.fetchExists(CALL_LIST, CALL_LIST.ID.eq(list.id()))) {
        tx.update(CALL_LIST).set(CALL_LIST.NAME, list.name()).set(CALL_LIST.FLOW_ID, list.flowId())
            .set(CALL_LIST.QUEUE_ID, list.queueId()).set(CALL_LIST.MAX_ATTEMPTS, list.maxAttempts())
            .set(CALL_LIST.RETRY_MINUTES, list.retryMinutes()).set(CALL_LIST.UPDATED_AT, now)
            .where(CALL_LIST.ID.eq(list.id())).execute();
      } else {
        tx.insertInto(CALL_LIST).set(CALL_LIST.ID, list.id()).set(CALL_LIST.NAME, list.name())
            .set(CALL_LIST.FLOW_ID, list.flowId()).set(CALL_LIST.QUEUE_ID, list.queueId())
            .set(CALL_LIST.STATUS, "paused").set(CALL_LIST.MAX_ATTEMPTS, list.maxAttempts())
            .set(CALL_LIST.RETRY_MINUTES, list.retryMinutes()).set(CALL_LIST.CREATED_AT, now)
            .set(CALL_LIST.UPDATED_AT, now).execute();
      }
    });
  }

  public boolean status(String id, String status, long now) {
    return dsl.update(CALL_LIST).set(CALL_LIST.STATUS, status).set(CALL_LIST.UPDATED_AT, now)
        .where(CALL_LIST.ID.eq(id)).execute() > 0;
  }

  public Optional<CallList> find(String id) {
    return dsl.selectFrom(CALL_LIST).where(CALL_LIST.ID.eq(id)).fetchOptional(this::list);
  }

  public List<CallList> all() {
    return dsl.selectFrom(CALL_LIST).orderBy(CALL_LIST.NAME).fetch(this::list);
  }

  public List<CallList> active() {
    return dsl.selectFrom(CALL_LIST).where(CALL_LIST.STATUS.eq("active")).fetch(this::list);
  }

  private CallList list(CallListRecord r) {
    Map<String, Integer> progress = new LinkedHashMap<>();
    for (String status : List.of("pending", "dialling", "done", "failed")) {
      progress.put(status, 0);
    }
    dsl.select(CALL_LIST_ENTRY.STATUS, DSL.count()).from(CALL_LIST_ENTRY).where(CALL_LIST_ENTRY.LIST_ID.eq(r.getId()))
        .groupBy(CALL_LIST_ENTRY.STATUS).forEach(c -> progress.put(c.value1(), c.value2()));
    return new CallList(r.getId(), r.getName(), r.getFlowId(), r.getQueueId(), r.getStatus(), r.getMaxAttempts(),
        r.getRetryMinutes(), progress);
  }

  /** Adds every row in one transaction: all of them or none. */
  public void addEntries(String listId, List<CallListCsv.Row> rows, Supplier<String> ids, long now) {
    dsl.transaction(c -> {
      DSLContext tx = c.dsl();
      var insert = tx.insertInto(CALL_LIST_ENTRY, CALL_LIST_ENTRY.ID, CALL_LIST_ENTRY.LIST_ID, CALL_LIST_ENTRY.LINE_NO,
          CALL_LIST_ENTRY.PHONE, CALL_LIST_ENTRY.NAME, CALL_LIST_ENTRY.COLUMNS_JSON, CALL_LIST_ENTRY.STATUS,
          CALL_LIST_ENTRY.ATTEMPTS, CALL_LIST_ENTRY.NEXT_ATTEMPT_AT, CALL_LIST_ENTRY.UPDATED_AT);
      for (int i = 0; i < rows.size(); i++) {
        CallListCsv.Row row = rows.get(i);
        insert = insert.values(ids.get(), listId, row.line(), row.phone(), row.name(), FlowJson.compact(row.columns()),
            "pending", 0, now, now);
        if ((i + 1) % 500 == 0 || i == rows.size() - 1) {
          insert.execute();
          insert = tx.insertInto(CALL_LIST_ENTRY, CALL_LIST_ENTRY.ID, CALL_LIST_ENTRY.LIST_ID, CALL_LIST_ENTRY.LINE_NO,
              CALL_LIST_ENTRY.PHONE, CALL_LIST_ENTRY.NAME, CALL_LIST_ENTRY.COLUMNS_JSON, CALL_LIST_ENTRY.STATUS,
              CALL_LIST_ENTRY.ATTEMPTS, CALL_LIST_ENTRY.NEXT_ATTEMPT_AT, CALL_LIST_ENTRY.UPDATED_AT);
        }
      }
    });
  }

  public List<CallListEntry> entries(String listId, int limit) {
    return dsl.selectFrom(CALL_LIST_ENTRY).where(CALL_LIST_ENTRY.LIST_ID.eq(listId)).orderBy(CALL_LIST_ENTRY.LINE_NO)
        .limit(limit).fetch(CallListRepository::entry);
  }

  public Optional<CallListEntry> byInteraction(String interactionId) {
    return dsl.selectFrom(CALL_LIST_ENTRY).where(CALL_LIST_ENTRY.INTERACTION_ID.eq(interactionId))
        .fetchOptional(CallListRepository::entry);
  }

  /** Due entries of the list, those called back to a named agent first, then in file order. */
  public List<CallListEntry> due(String listId, long now, int limit) {
    return dsl.selectFrom(CALL_LIST_ENTRY).where(CALL_LIST_ENTRY.LIST_ID.eq(listId)
            .and(CALL_LIST_ENTRY.STATUS.eq("pending")).and(CALL_LIST_ENTRY.NEXT_ATTEMPT_AT.le(now)))
        .orderBy(CALL_LIST_ENTRY.PREFERRED_AGENT.isNull(), CALL_LIST_ENTRY.NEXT_ATTEMPT_AT, CALL_LIST_ENTRY.LINE_NO)
        .limit(limit).fetch(CallListRepository::entry);
  }

  /** How many of the list's dialled entries still wait in a queue for an agent. */
  public int waitingInQueue(String listId) {
    return dsl.selectCount().from(CALL_LIST_ENTRY).join(QUEUE_ENTRY)
        .on(QUEUE_ENTRY.INTERACTION_ID.eq(CALL_LIST_ENTRY.INTERACTION_ID))
        .where(CALL_LIST_ENTRY.LIST_ID.eq(listId).and(CALL_LIST_ENTRY.STATUS.eq("dialling")))
        .fetchOne(0, int.class);
  }

  /** Takes the entry for dialling if it is still pending: one instance wins. */
  public boolean claim(String entryId, long now) {
    return dsl.update(CALL_LIST_ENTRY).set(CALL_LIST_ENTRY.STATUS, "dialling")
        .set(CALL_LIST_ENTRY.ATTEMPTS, CALL_LIST_ENTRY.ATTEMPTS.plus(1)).set(CALL_LIST_ENTRY.UPDATED_AT, now)
        .where(CALL_LIST_ENTRY.ID.eq(entryId).and(CALL_LIST_ENTRY.STATUS.eq("pending"))).execute() == 1;
  }

  public void dialled(String entryId, String interactionId) {
    dsl.update(CALL_LIST_ENTRY).set(CALL_LIST_ENTRY.INTERACTION_ID, interactionId).where(CALL_LIST_ENTRY.ID.eq(entryId))
        .execute();
  }

  /** Records an outcome: the entry becomes {@code status}, due again at {@code nextAttemptAt} when pending. */
  public void outcome(String entryId, String status, String outcome, String agent, String preferredAgent,
      long nextAttemptAt, long now) {
    dsl.update(CALL_LIST_ENTRY).set(CALL_LIST_ENTRY.STATUS, status).set(CALL_LIST_ENTRY.LAST_OUTCOME, outcome)
        .set(CALL_LIST_ENTRY.LAST_AGENT, agent).set(CALL_LIST_ENTRY.PREFERRED_AGENT, preferredAgent)
        .set(CALL_LIST_ENTRY.NEXT_ATTEMPT_AT, nextAttemptAt).set(CALL_LIST_ENTRY.UPDATED_AT, now)
        .where(CALL_LIST_ENTRY.ID.eq(entryId).and(CALL_LIST_ENTRY.STATUS.eq("dialling"))).execute();
  }

  /**
   * Dialled entries whose interaction ended with no outcome recorded: nobody took it, or the agent
   * did not say within {@code graceMillis} of its end.
   */
  public List<CallListEntry> endedWithoutOutcome(String listId, long now, long graceMillis) {
    return dsl.select(CALL_LIST_ENTRY.fields()).from(CALL_LIST_ENTRY).join(INTERACTION)
        .on(INTERACTION.ID.eq(CALL_LIST_ENTRY.INTERACTION_ID))
        .where(CALL_LIST_ENTRY.LIST_ID.eq(listId).and(CALL_LIST_ENTRY.STATUS.eq("dialling"))
            .and(INTERACTION.STATUS.in("completed", "failed", "cancelled"))
            .and(INTERACTION.AGENT.isNull().or(INTERACTION.UPDATED_AT.lt(now - graceMillis))))
        .fetch(r -> entry(r.into(CALL_LIST_ENTRY)));
  }

  private static CallListEntry entry(CallListEntryRecord r) {
    return new CallListEntry(r.getId(), r.getListId(), r.getLineNo(), r.getPhone(), r.getName(),
        FlowJson.mapper().readValue(r.getColumnsJson(), COLUMNS), r.getStatus(), r.getAttempts(), r.getNextAttemptAt(),
        r.getPreferredAgent(), r.getLastOutcome(), r.getLastAgent(), r.getInteractionId());
  }
}
