package io.switchboard.runtime.tickets;

import static io.switchboard.runtime.store.jooq.Tables.BUSINESS_HOURS;
import static io.switchboard.runtime.store.jooq.Tables.CUSTOMER;
import static io.switchboard.runtime.store.jooq.Tables.CUSTOMER_CONTACT;
import static io.switchboard.runtime.store.jooq.Tables.OUTBOX;
import static io.switchboard.runtime.store.jooq.Tables.REPLY_TEMPLATE;
import static io.switchboard.runtime.store.jooq.Tables.SLA_TARGET;
import static io.switchboard.runtime.store.jooq.Tables.SNIPPET;
import static io.switchboard.runtime.store.jooq.Tables.THREAD;
import static io.switchboard.runtime.store.jooq.Tables.THREAD_ATTACHMENT;
import static io.switchboard.runtime.store.jooq.Tables.THREAD_COUNTER;
import static io.switchboard.runtime.store.jooq.Tables.THREAD_ENTRY;
import static io.switchboard.runtime.store.jooq.Tables.THREAD_INTERACTION;
import static io.switchboard.runtime.store.jooq.Tables.THREAD_ROUND_ROBIN;
import static io.switchboard.runtime.store.jooq.Tables.THREAD_STATUS;
import static io.switchboard.runtime.store.jooq.Tables.THREAD_STATUS_LIMIT;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.store.jooq.tables.records.ThreadEntryRecord;
import io.switchboard.runtime.store.jooq.tables.records.ThreadRecord;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import tools.jackson.core.type.TypeReference;

/**
 * The threads' rows: threads, their timeline and attachments, customers and their contacts, and the
 * ticketing configuration. Methods taking a {@code tx} run inside a caller's transaction (an
 * interaction's save, a service call); the SLA round's state changes are conditional updates, so that
 * of several instances exactly one makes each change.
 */
public final class TicketRepository {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<Map<String, List<String>>> WEEKLY = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final DSLContext dsl;

  public TicketRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public DSLContext dsl() {
    return dsl;
  }

  public <T> T inTransaction(java.util.function.Function<DSLContext, T> work) {
    return dsl.transactionResult(configuration -> work.apply(DSL.using(configuration)));
  }

  // --- threads ---

  /** The next thread number, taken under the counter row's lock until the caller's transaction ends. */
  public static long nextNumber(DSLContext tx) {
    long number = tx.select(THREAD_COUNTER.NEXT_NUMBER).from(THREAD_COUNTER).where(THREAD_COUNTER.NAME.eq("thread"))
        .forUpdate().fetchOne(THREAD_COUNTER.NEXT_NUMBER);
    tx.update(THREAD_COUNTER).set(THREAD_COUNTER.NEXT_NUMBER, number + 1).where(THREAD_COUNTER.NAME.eq("thread")).execute();
    return number;
  }

  public static void insert(DSLContext tx, ThreadRecord row) {
    tx.insertInto(THREAD).set(row).execute();
  }

  public static Optional<ThreadRecord> row(DSLContext tx, String id) {
    return tx.selectFrom(THREAD).where(THREAD.ID.eq(id)).fetchOptional();
  }

  public static ThreadRecord lockedRow(DSLContext tx, String id) {
    return tx.selectFrom(THREAD).where(THREAD.ID.eq(id)).forUpdate().fetchOptional()
        .orElseThrow(() -> new io.switchboard.runtime.service.NotFoundException("no thread '" + id + "'"));
  }

  public static void store(DSLContext tx, ThreadRecord row) {
    tx.executeUpdate(row);
  }

  public Optional<Ticket> find(String id) {
    return dsl.selectFrom(THREAD).where(THREAD.ID.eq(id)).fetchOptional().map(r -> ticket(r, customers(List.of(r))));
  }

  public Optional<String> idByNumber(DSLContext tx, long number) {
    return tx.select(THREAD.ID).from(THREAD).where(THREAD.NUMBER.eq(number)).fetchOptional(THREAD.ID);
  }

  /** What a thread list asks for; every part is optional. */
  public record Filter(String queue, String status, String assignee, boolean overdue, String text, boolean openOnly,
      int limit, int offset) {}

  public record Page(List<Ticket> threads, int total) {}

  public Page list(Filter filter, Set<String> resolvingStatuses) {
    List<Condition> where = new ArrayList<>();
    if (filter.queue() != null) {
      where.add(THREAD.QUEUE.eq(filter.queue()));
    }
    if (filter.status() != null) {
      where.add(THREAD.STATUS.eq(filter.status()));
    } else if (filter.openOnly()) {
      where.add(THREAD.STATUS.notIn(resolvingStatuses));
    }
    if (filter.assignee() != null) {
      where.add("-".equals(filter.assignee()) ? THREAD.ASSIGNEE.isNull() : THREAD.ASSIGNEE.eq(filter.assignee()));
    }
    if (filter.overdue()) {
      where.add(THREAD.SLA_STATE.eq("breached"));
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      String text = filter.text().strip();
      if (text.matches("#\\d{1,18}")) { // a thread's number, as people quote it
        where.add(THREAD.NUMBER.eq(Long.parseLong(text.substring(1))));
      } else {
        String like = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
        Condition match = DSL.lower(THREAD.SUBJECT).like(like, '\\')
            .or(THREAD.CUSTOMER_ID.in(DSL.select(CUSTOMER.ID).from(CUSTOMER).where(DSL.lower(CUSTOMER.NAME).like(like, '\\'))))
            .or(THREAD.CUSTOMER_ID.in(DSL.select(CUSTOMER_CONTACT.CUSTOMER_ID).from(CUSTOMER_CONTACT)
                .where(CUSTOMER_CONTACT.CONTACT.like(like, '\\'))));
        if (text.matches("\\d{1,18}")) {
          match = match.or(THREAD.NUMBER.eq(Long.parseLong(text)));
        }
        where.add(match);
      }
    }
    Condition condition = DSL.and(where);
    int total = dsl.fetchCount(THREAD, condition);
    List<ThreadRecord> rows = dsl.selectFrom(THREAD).where(condition)
        .orderBy(DSL.when(THREAD.SLA_STATE.eq("breached"), 0).when(THREAD.SLA_STATE.eq("nearing"), 1).otherwise(2),
            THREAD.UPDATED_AT.desc())
        .limit(filter.limit()).offset(filter.offset()).fetch();
    Map<String, Customer> customers = customers(rows);
    return new Page(rows.stream().map(r -> ticket(r, customers)).toList(), total);
  }

  private Map<String, Customer> customers(List<ThreadRecord> rows) {
    Set<String> ids = rows.stream().map(ThreadRecord::getCustomerId).filter(java.util.Objects::nonNull)
        .collect(Collectors.toSet());
    return customers(dsl, ids);
  }

  static Ticket ticket(ThreadRecord r, Map<String, Customer> customers) {
    return new Ticket(r.getId(), r.getNumber(), r.getSubject(),
        r.getCustomerId() == null ? null : customers.get(r.getCustomerId()), r.getQueue(), r.getAssignee(),
        r.getPriority(), r.getStatus(), r.getChannel(), r.getCreatedAt(), r.getUpdatedAt(), r.getStatusSince(),
        new Ticket.Sla(r.getSlaState(), r.getFirstResponseDue(), r.getFirstResponseAt(), r.getResolutionDue(),
            r.getResolvedAt(), r.getStatusDue(), r.getPausedAt(), r.getBreach(), r.getBreachedAt(), r.getRaisedFrom()));
  }

  /** Threads whose SLA state may have changed by {@code now}, oldest check first. */
  public List<String> dueForCheck(long now, int limit) {
    return dsl.select(THREAD.ID).from(THREAD).where(THREAD.NEXT_CHECK.le(now)).orderBy(THREAD.NEXT_CHECK).limit(limit)
        .fetch(THREAD.ID);
  }

  /**
   * Moves a thread's SLA state if nobody else did since it was read: the claim that makes a breach's
   * alert and flow happen once across instances.
   */
  public static boolean moveSla(DSLContext tx, ThreadRecord before, String state, Long nextCheck, String breach,
      Long breachedAt, String priority, String raisedFrom, long now) {
    return tx.update(THREAD).set(THREAD.SLA_STATE, state).set(THREAD.NEXT_CHECK, nextCheck)
        .set(THREAD.BREACH, breach).set(THREAD.BREACHED_AT, breachedAt).set(THREAD.PRIORITY, priority)
        .set(THREAD.RAISED_FROM, raisedFrom)
        .where(THREAD.ID.eq(before.getId()).and(THREAD.SLA_STATE.eq(before.getSlaState()))
            .and(THREAD.UPDATED_AT.eq(before.getUpdatedAt()))
            .and(before.getNextCheck() == null ? THREAD.NEXT_CHECK.isNull() : THREAD.NEXT_CHECK.eq(before.getNextCheck())))
        .execute() == 1;
  }

  /** Open threads in a queue nobody holds yet, most urgent first. */
  public List<ThreadRecord> unassigned(Set<String> resolvingStatuses, int limit) {
    return dsl.selectFrom(THREAD)
        .where(THREAD.ASSIGNEE.isNull().and(THREAD.QUEUE.isNotNull()).and(THREAD.STATUS.notIn(resolvingStatuses)))
        .orderBy(DSL.when(THREAD.PRIORITY.eq("urgent"), 0).when(THREAD.PRIORITY.eq("high"), 1)
            .when(THREAD.PRIORITY.eq("normal"), 2).otherwise(3), THREAD.NEXT_CHECK.asc().nullsLast(), THREAD.CREATED_AT)
        .limit(limit).fetch();
  }

  /** Open threads held by one of these people. */
  public List<ThreadRecord> heldBy(Collection<String> usernames, Set<String> resolvingStatuses) {
    if (usernames.isEmpty()) {
      return List.of();
    }
    return dsl.selectFrom(THREAD).where(THREAD.ASSIGNEE.in(usernames).and(THREAD.STATUS.notIn(resolvingStatuses)))
        .fetch();
  }

  /** The open threads each person holds. */
  public Map<String, Integer> openCounts(Set<String> resolvingStatuses) {
    return dsl.select(THREAD.ASSIGNEE, DSL.count()).from(THREAD)
        .where(THREAD.ASSIGNEE.isNotNull().and(THREAD.STATUS.notIn(resolvingStatuses))).groupBy(THREAD.ASSIGNEE)
        .fetchMap(THREAD.ASSIGNEE, r -> r.value2());
  }

  /** Gives the thread to {@code to} if it is still held by {@code from} (null: by nobody). */
  public static boolean reassign(DSLContext tx, String threadId, String from, String to, long now) {
    return tx.update(THREAD).set(THREAD.ASSIGNEE, to).set(THREAD.UPDATED_AT, now)
        .where(THREAD.ID.eq(threadId).and(from == null ? THREAD.ASSIGNEE.isNull() : THREAD.ASSIGNEE.eq(from)))
        .execute() == 1;
  }

  /** When each of a queue's members was last given a thread (never: absent from the map). */
  public Map<String, Long> lastAssigned(String queue) {
    return dsl.select(THREAD_ROUND_ROBIN.USERNAME, THREAD_ROUND_ROBIN.LAST_ASSIGNED_AT).from(THREAD_ROUND_ROBIN)
        .where(THREAD_ROUND_ROBIN.QUEUE.eq(queue)).fetchMap(THREAD_ROUND_ROBIN.USERNAME, THREAD_ROUND_ROBIN.LAST_ASSIGNED_AT);
  }

  public static void assigned(DSLContext tx, String queue, String username, long now) {
    int updated = tx.update(THREAD_ROUND_ROBIN).set(THREAD_ROUND_ROBIN.LAST_ASSIGNED_AT, now)
        .where(THREAD_ROUND_ROBIN.QUEUE.eq(queue).and(THREAD_ROUND_ROBIN.USERNAME.eq(username))).execute();
    if (updated == 0) {
      tx.insertInto(THREAD_ROUND_ROBIN).set(THREAD_ROUND_ROBIN.QUEUE, queue).set(THREAD_ROUND_ROBIN.USERNAME, username)
          .set(THREAD_ROUND_ROBIN.LAST_ASSIGNED_AT, now).onDuplicateKeyIgnore().execute();
    }
  }

  // --- interactions of a thread ---

  /** Attaches the interaction; false when it was attached already. */
  public static boolean attach(DSLContext tx, String threadId, String interactionId, long now) {
    return tx.insertInto(THREAD_INTERACTION).set(THREAD_INTERACTION.THREAD_ID, threadId)
        .set(THREAD_INTERACTION.INTERACTION_ID, interactionId).set(THREAD_INTERACTION.ATTACHED_AT, now)
        .onDuplicateKeyIgnore().execute() == 1;
  }

  public List<String> interactions(String threadId) {
    return dsl.select(THREAD_INTERACTION.INTERACTION_ID).from(THREAD_INTERACTION)
        .where(THREAD_INTERACTION.THREAD_ID.eq(threadId)).orderBy(THREAD_INTERACTION.ATTACHED_AT)
        .fetch(THREAD_INTERACTION.INTERACTION_ID);
  }

  public List<String> threadsOf(String interactionId) {
    return threadsOf(dsl, interactionId);
  }

  public static List<String> threadsOf(DSLContext tx, String interactionId) {
    return tx.select(THREAD_INTERACTION.THREAD_ID).from(THREAD_INTERACTION)
        .where(THREAD_INTERACTION.INTERACTION_ID.eq(interactionId)).orderBy(THREAD_INTERACTION.ATTACHED_AT)
        .fetch(THREAD_INTERACTION.THREAD_ID);
  }

  /** The texts sent back in an interaction's conversation, oldest first, but for the outbox messages named. */
  public static List<Map.Entry<Long, String>> sentMessages(DSLContext tx, String interactionId, Set<String> except) {
    return tx.select(OUTBOX.CREATED_AT, OUTBOX.PAYLOAD).from(OUTBOX).where(OUTBOX.INTERACTION_ID.eq(interactionId).and(OUTBOX.KIND.eq("message"))
            .and(except.isEmpty() ? DSL.noCondition() : OUTBOX.ID.notIn(except)))
        .orderBy(OUTBOX.CREATED_AT, OUTBOX.STEP_SEQ).fetch().stream()
        .filter(r -> detail(r.value2()).get("body") instanceof String)
        .map(r -> Map.entry(r.value1(), (String) detail(r.value2()).get("body"))).toList();
  }

  /** Whether the interaction already has this e-mail (held or filed). */
  public static boolean holds(DSLContext tx, String interactionId, String messageId) {
    return messageId != null && tx.fetchExists(THREAD_ENTRY, THREAD_ENTRY.INTERACTION_ID.eq(interactionId)
        .and(THREAD_ENTRY.MESSAGE_ID.eq(messageId)));
  }

  /** Files the e-mails held for an interaction into the thread it was attached to. */
  public static void fileHeld(DSLContext tx, String interactionId, String threadId) {
    tx.update(THREAD_ENTRY).set(THREAD_ENTRY.THREAD_ID, threadId)
        .where(THREAD_ENTRY.INTERACTION_ID.eq(interactionId).and(THREAD_ENTRY.THREAD_ID.isNull())).execute();
  }

  // --- timeline ---

  public static void insertEntry(DSLContext tx, ThreadEntryRecord entry) {
    tx.insertInto(THREAD_ENTRY).set(entry).execute();
  }

  public static void insertAttachment(DSLContext tx, String id, String entryId, String name, String contentType,
      long size, byte[] content, String refused) {
    tx.insertInto(THREAD_ATTACHMENT).set(THREAD_ATTACHMENT.ID, id).set(THREAD_ATTACHMENT.ENTRY_ID, entryId)
        .set(THREAD_ATTACHMENT.NAME, name).set(THREAD_ATTACHMENT.CONTENT_TYPE, contentType)
        .set(THREAD_ATTACHMENT.SIZE, size).set(THREAD_ATTACHMENT.CONTENT, content)
        .set(THREAD_ATTACHMENT.REFUSED, refused).execute();
  }

  public List<ThreadEntryRecord> entries(String threadId) {
    return dsl.selectFrom(THREAD_ENTRY).where(THREAD_ENTRY.THREAD_ID.eq(threadId))
        .orderBy(THREAD_ENTRY.AT, THREAD_ENTRY.ID).fetch();
  }

  public Optional<ThreadEntryRecord> entry(String id) {
    return dsl.selectFrom(THREAD_ENTRY).where(THREAD_ENTRY.ID.eq(id)).fetchOptional();
  }

  public Map<String, List<TimelineEntry.AttachmentInfo>> attachments(Collection<String> entryIds) {
    if (entryIds.isEmpty()) {
      return Map.of();
    }
    return dsl.select(THREAD_ATTACHMENT.ID, THREAD_ATTACHMENT.ENTRY_ID, THREAD_ATTACHMENT.NAME,
            THREAD_ATTACHMENT.CONTENT_TYPE, THREAD_ATTACHMENT.SIZE, THREAD_ATTACHMENT.REFUSED)
        .from(THREAD_ATTACHMENT).where(THREAD_ATTACHMENT.ENTRY_ID.in(entryIds)).orderBy(THREAD_ATTACHMENT.NAME)
        .fetchGroups(THREAD_ATTACHMENT.ENTRY_ID, r -> new TimelineEntry.AttachmentInfo(r.value1(), r.value3(), r.value4(),
            r.value5(), r.value6()));
  }

  /** An attachment with its bytes, if it belongs to an entry of that thread. */
  public record StoredAttachment(String name, String contentType, byte[] content) {}

  public Optional<StoredAttachment> attachment(String threadId, String attachmentId) {
    return dsl.select(THREAD_ATTACHMENT.NAME, THREAD_ATTACHMENT.CONTENT_TYPE, THREAD_ATTACHMENT.CONTENT)
        .from(THREAD_ATTACHMENT).join(THREAD_ENTRY).on(THREAD_ENTRY.ID.eq(THREAD_ATTACHMENT.ENTRY_ID))
        .where(THREAD_ATTACHMENT.ID.eq(attachmentId).and(THREAD_ENTRY.THREAD_ID.eq(threadId))
            .and(THREAD_ATTACHMENT.CONTENT.isNotNull()))
        .fetchOptional(r -> new StoredAttachment(r.value1(), r.value2(), r.value3()));
  }

  public List<StoredAttachment> attachmentsOf(String entryId) {
    return dsl.select(THREAD_ATTACHMENT.NAME, THREAD_ATTACHMENT.CONTENT_TYPE, THREAD_ATTACHMENT.CONTENT)
        .from(THREAD_ATTACHMENT).where(THREAD_ATTACHMENT.ENTRY_ID.eq(entryId).and(THREAD_ATTACHMENT.CONTENT.isNotNull()))
        .orderBy(THREAD_ATTACHMENT.NAME).fetch(r -> new StoredAttachment(r.value1(), r.value2(), r.value3()));
  }

  public Map<String, TimelineEntry.Delivery> deliveries(Collection<String> outboxIds) {
    if (outboxIds.isEmpty()) {
      return Map.of();
    }
    return dsl.select(OUTBOX.ID, OUTBOX.STATUS, OUTBOX.ATTEMPTS, OUTBOX.LAST_ERROR, OUTBOX.SENT_AT).from(OUTBOX)
        .where(OUTBOX.ID.in(outboxIds))
        .fetchMap(OUTBOX.ID, r -> new TimelineEntry.Delivery(r.value2(), r.value3(), r.value4(), r.value5()));
  }

  /** The thread holding an e-mail with one of these Message-IDs, trying them in order. */
  public Optional<String> threadByMessageId(DSLContext tx, List<String> messageIds) {
    for (String id : messageIds) {
      Optional<String> thread = tx.select(THREAD_ENTRY.THREAD_ID).from(THREAD_ENTRY)
          .where(THREAD_ENTRY.MESSAGE_ID.eq(id).and(THREAD_ENTRY.THREAD_ID.isNotNull())).limit(1)
          .fetchOptional(THREAD_ENTRY.THREAD_ID);
      if (thread.isPresent()) {
        return thread;
      }
    }
    return Optional.empty();
  }

  /** The Message-IDs of a thread's e-mails, oldest first (for References). */
  public static List<String> messageIds(DSLContext tx, String threadId) {
    return tx.select(THREAD_ENTRY.MESSAGE_ID).from(THREAD_ENTRY)
        .where(THREAD_ENTRY.THREAD_ID.eq(threadId).and(THREAD_ENTRY.MESSAGE_ID.isNotNull()))
        .orderBy(THREAD_ENTRY.AT, THREAD_ENTRY.ID).fetch(THREAD_ENTRY.MESSAGE_ID);
  }

  /** The newest e-mail the customer sent into the thread, if any. */
  public static Optional<ThreadEntryRecord> lastInbound(DSLContext tx, String threadId) {
    return tx.selectFrom(THREAD_ENTRY).where(THREAD_ENTRY.THREAD_ID.eq(threadId).and(THREAD_ENTRY.KIND.eq("email"))
        .and(THREAD_ENTRY.DIRECTION.eq("in"))).orderBy(THREAD_ENTRY.AT.desc()).limit(1).fetchOptional();
  }

  // --- customers ---

  /** The customer with this contact, made (with the name) if there is none. */
  public static String customerFor(DSLContext tx, String kind, String contact, String name, String newId, long now) {
    Optional<String> existing = tx.select(CUSTOMER_CONTACT.CUSTOMER_ID).from(CUSTOMER_CONTACT)
        .where(CUSTOMER_CONTACT.KIND.eq(kind).and(CUSTOMER_CONTACT.CONTACT.eq(contact))).fetchOptional(CUSTOMER_CONTACT.CUSTOMER_ID);
    if (existing.isPresent()) {
      if (name != null && !name.isBlank()) {
        tx.update(CUSTOMER).set(CUSTOMER.NAME, truncate(name, 200)).set(CUSTOMER.UPDATED_AT, now)
            .where(CUSTOMER.ID.eq(existing.get()).and(CUSTOMER.NAME.isNull())).execute();
      }
      return existing.get();
    }
    tx.insertInto(CUSTOMER).set(CUSTOMER.ID, newId).set(CUSTOMER.NAME, name == null || name.isBlank() ? null : truncate(name, 200))
        .set(CUSTOMER.CREATED_AT, now).set(CUSTOMER.UPDATED_AT, now).execute();
    int inserted = tx.insertInto(CUSTOMER_CONTACT).set(CUSTOMER_CONTACT.KIND, kind).set(CUSTOMER_CONTACT.CONTACT, contact)
        .set(CUSTOMER_CONTACT.CUSTOMER_ID, newId).onDuplicateKeyIgnore().execute();
    if (inserted == 0) { // made at the same moment elsewhere: use that one
      tx.deleteFrom(CUSTOMER).where(CUSTOMER.ID.eq(newId)).execute();
      return tx.select(CUSTOMER_CONTACT.CUSTOMER_ID).from(CUSTOMER_CONTACT)
          .where(CUSTOMER_CONTACT.KIND.eq(kind).and(CUSTOMER_CONTACT.CONTACT.eq(contact))).fetchOne(CUSTOMER_CONTACT.CUSTOMER_ID);
    }
    return newId;
  }

  public static void addContact(DSLContext tx, String customerId, String kind, String contact) {
    tx.insertInto(CUSTOMER_CONTACT).set(CUSTOMER_CONTACT.KIND, kind).set(CUSTOMER_CONTACT.CONTACT, contact)
        .set(CUSTOMER_CONTACT.CUSTOMER_ID, customerId).onDuplicateKeyIgnore().execute();
  }

  public static void renameCustomer(DSLContext tx, String customerId, String name, long now) {
    tx.update(CUSTOMER).set(CUSTOMER.NAME, name).set(CUSTOMER.UPDATED_AT, now).where(CUSTOMER.ID.eq(customerId)).execute();
  }

  public static Map<String, Customer> customers(DSLContext tx, Set<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, org.jooq.Result<org.jooq.Record3<String, String, String>>> contacts = tx
        .select(CUSTOMER_CONTACT.CUSTOMER_ID, CUSTOMER_CONTACT.KIND, CUSTOMER_CONTACT.CONTACT).from(CUSTOMER_CONTACT)
        .where(CUSTOMER_CONTACT.CUSTOMER_ID.in(ids)).orderBy(CUSTOMER_CONTACT.CONTACT).fetchGroups(CUSTOMER_CONTACT.CUSTOMER_ID);
    Map<String, Customer> result = new LinkedHashMap<>();
    tx.selectFrom(CUSTOMER).where(CUSTOMER.ID.in(ids)).forEach(c -> {
      List<org.jooq.Record3<String, String, String>> mine = contacts.containsKey(c.getId()) ? contacts.get(c.getId()) : List.of();
      result.put(c.getId(), new Customer(c.getId(), c.getName(),
          mine.stream().filter(r -> r.value2().equals("email")).map(org.jooq.Record3::value3).toList(),
          mine.stream().filter(r -> r.value2().equals("phone")).map(org.jooq.Record3::value3).toList()));
    });
    return result;
  }

  // --- configuration ---

  public List<TicketStatus> statuses() {
    Map<String, Map<String, Integer>> limits = dsl.selectFrom(THREAD_STATUS_LIMIT).fetchGroups(THREAD_STATUS_LIMIT.STATUS_ID)
        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stream()
            .collect(Collectors.toMap(r -> r.getPriority(), r -> r.getMinutes()))));
    return dsl.selectFrom(THREAD_STATUS).orderBy(THREAD_STATUS.POSITION, THREAD_STATUS.ID)
        .fetch(r -> new TicketStatus(r.getId(), r.getLabel(), r.getPosition(), r.getPausesClock(), r.getResolves(),
            limits.getOrDefault(r.getId(), Map.of())));
  }

  public void putStatus(TicketStatus status) {
    dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      int updated = tx.update(THREAD_STATUS).set(THREAD_STATUS.LABEL, status.label())
          .set(THREAD_STATUS.POSITION, status.position()).set(THREAD_STATUS.PAUSES_CLOCK, status.pausesClock())
          .set(THREAD_STATUS.RESOLVES, status.resolves()).where(THREAD_STATUS.ID.eq(status.id())).execute();
      if (updated == 0) {
        tx.insertInto(THREAD_STATUS).set(THREAD_STATUS.ID, status.id()).set(THREAD_STATUS.LABEL, status.label())
            .set(THREAD_STATUS.POSITION, status.position()).set(THREAD_STATUS.PAUSES_CLOCK, status.pausesClock())
            .set(THREAD_STATUS.RESOLVES, status.resolves()).execute();
      }
      tx.deleteFrom(THREAD_STATUS_LIMIT).where(THREAD_STATUS_LIMIT.STATUS_ID.eq(status.id())).execute();
      status.limitMinutes().forEach((priority, minutes) -> tx.insertInto(THREAD_STATUS_LIMIT)
          .set(THREAD_STATUS_LIMIT.STATUS_ID, status.id()).set(THREAD_STATUS_LIMIT.PRIORITY, priority)
          .set(THREAD_STATUS_LIMIT.MINUTES, minutes).execute());
    });
  }

  public boolean statusInUse(String id) {
    return dsl.fetchExists(THREAD, THREAD.STATUS.eq(id));
  }

  public boolean deleteStatus(String id) {
    return dsl.transactionResult(c -> {
      DSLContext tx = DSL.using(c);
      tx.deleteFrom(THREAD_STATUS_LIMIT).where(THREAD_STATUS_LIMIT.STATUS_ID.eq(id)).execute();
      return tx.deleteFrom(THREAD_STATUS).where(THREAD_STATUS.ID.eq(id)).execute() == 1;
    });
  }

  public List<SlaTarget> targets() {
    return dsl.selectFrom(SLA_TARGET).fetch(r -> new SlaTarget(r.getPriority(), r.getFirstResponseMinutes(),
        r.getResolutionMinutes()));
  }

  public void putTargets(List<SlaTarget> targets) {
    dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      tx.deleteFrom(SLA_TARGET).execute();
      for (SlaTarget t : targets) {
        tx.insertInto(SLA_TARGET).set(SLA_TARGET.PRIORITY, t.priority())
            .set(SLA_TARGET.FIRST_RESPONSE_MINUTES, t.firstResponseMinutes())
            .set(SLA_TARGET.RESOLUTION_MINUTES, t.resolutionMinutes()).execute();
      }
    });
  }

  public BusinessHours businessHours() {
    return dsl.selectFrom(BUSINESS_HOURS).where(BUSINESS_HOURS.ID.eq("default")).fetchOptional()
        .map(r -> new BusinessHours(r.getEnabled(), ZoneId.of(r.getTimeZone()), weekly(r.getWeekly()),
            FlowJson.mapper().readValue(r.getHolidays(), STRINGS).stream().map(LocalDate::parse)
                .collect(Collectors.toCollection(TreeSet::new))))
        .orElse(BusinessHours.ALWAYS);
  }

  private static Map<String, List<LocalTime>> weekly(String json) {
    Map<String, List<LocalTime>> weekly = new LinkedHashMap<>();
    FlowJson.mapper().readValue(json, WEEKLY).forEach((day, hours) ->
        weekly.put(day, hours.stream().map(LocalTime::parse).toList()));
    return weekly;
  }

  public void putBusinessHours(BusinessHours hours) {
    Map<String, List<String>> weekly = new LinkedHashMap<>();
    hours.weekly().forEach((day, times) -> weekly.put(day, times.stream().map(LocalTime::toString).toList()));
    String weeklyJson = FlowJson.compact(weekly);
    String holidays = FlowJson.compact(new TreeSet<>(hours.holidays()).stream().map(LocalDate::toString).toList());
    dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      int updated = tx.update(BUSINESS_HOURS).set(BUSINESS_HOURS.ENABLED, hours.enabled())
          .set(BUSINESS_HOURS.TIME_ZONE, hours.zone().getId()).set(BUSINESS_HOURS.WEEKLY, weeklyJson)
          .set(BUSINESS_HOURS.HOLIDAYS, holidays).where(BUSINESS_HOURS.ID.eq("default")).execute();
      if (updated == 0) {
        tx.insertInto(BUSINESS_HOURS).set(BUSINESS_HOURS.ID, "default").set(BUSINESS_HOURS.ENABLED, hours.enabled())
            .set(BUSINESS_HOURS.TIME_ZONE, hours.zone().getId()).set(BUSINESS_HOURS.WEEKLY, weeklyJson)
            .set(BUSINESS_HOURS.HOLIDAYS, holidays).execute();
      }
    });
  }

  public List<ReplyTemplate> templates() {
    return dsl.selectFrom(REPLY_TEMPLATE).orderBy(REPLY_TEMPLATE.NAME).fetch(TicketRepository::template);
  }

  public Optional<ReplyTemplate> template(String id) {
    return dsl.selectFrom(REPLY_TEMPLATE).where(REPLY_TEMPLATE.ID.eq(id)).fetchOptional(TicketRepository::template);
  }

  private static ReplyTemplate template(io.switchboard.runtime.store.jooq.tables.records.ReplyTemplateRecord r) {
    return new ReplyTemplate(r.getId(), r.getName(), r.getSubject(), r.getBody(), r.getUpdatedAt(), r.getUpdatedBy());
  }

  public void putTemplate(ReplyTemplate t) {
    int updated = dsl.update(REPLY_TEMPLATE).set(REPLY_TEMPLATE.NAME, t.name()).set(REPLY_TEMPLATE.SUBJECT, t.subject())
        .set(REPLY_TEMPLATE.BODY, t.body()).set(REPLY_TEMPLATE.UPDATED_AT, t.updatedAt())
        .set(REPLY_TEMPLATE.UPDATED_BY, t.updatedBy()).where(REPLY_TEMPLATE.ID.eq(t.id())).execute();
    if (updated == 0) {
      dsl.insertInto(REPLY_TEMPLATE).set(REPLY_TEMPLATE.ID, t.id()).set(REPLY_TEMPLATE.NAME, t.name())
          .set(REPLY_TEMPLATE.SUBJECT, t.subject()).set(REPLY_TEMPLATE.BODY, t.body())
          .set(REPLY_TEMPLATE.UPDATED_AT, t.updatedAt()).set(REPLY_TEMPLATE.UPDATED_BY, t.updatedBy()).execute();
    }
  }

  public boolean deleteTemplate(String id) {
    return dsl.deleteFrom(REPLY_TEMPLATE).where(REPLY_TEMPLATE.ID.eq(id)).execute() == 1;
  }

  public List<Snippet> snippets() {
    return dsl.selectFrom(SNIPPET).orderBy(SNIPPET.ID)
        .fetch(r -> new Snippet(r.getId(), r.getName(), r.getBody(), r.getUpdatedAt(), r.getUpdatedBy()));
  }

  public void putSnippet(Snippet s) {
    int updated = dsl.update(SNIPPET).set(SNIPPET.NAME, s.name()).set(SNIPPET.BODY, s.body())
        .set(SNIPPET.UPDATED_AT, s.updatedAt()).set(SNIPPET.UPDATED_BY, s.updatedBy()).where(SNIPPET.ID.eq(s.id())).execute();
    if (updated == 0) {
      dsl.insertInto(SNIPPET).set(SNIPPET.ID, s.id()).set(SNIPPET.NAME, s.name()).set(SNIPPET.BODY, s.body())
          .set(SNIPPET.UPDATED_AT, s.updatedAt()).set(SNIPPET.UPDATED_BY, s.updatedBy()).execute();
    }
  }

  public boolean deleteSnippet(String id) {
    return dsl.deleteFrom(SNIPPET).where(SNIPPET.ID.eq(id)).execute() == 1;
  }

  // --- JSON columns ---

  static Map<String, Object> detail(String json) {
    return json == null ? Map.of() : FlowJson.mapper().readValue(json, MAP);
  }

  static List<String> addresses(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",\\s*")).toList();
  }

  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
