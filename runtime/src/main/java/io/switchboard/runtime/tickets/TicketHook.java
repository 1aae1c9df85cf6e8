package io.switchboard.runtime.tickets;

import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.outbox.EmailMessageIds;
import io.switchboard.runtime.store.JooqInteractionStore;
import io.switchboard.runtime.store.jooq.tables.records.ThreadRecord;
import io.switchboard.runtime.store.jooq.tables.records.ThreadEntryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Files a flow's ticket steps into threads, in the transaction that saves the interaction: a new
 * thread (numbered, its customer found by the caller's address or number, its clocks started), or
 * changes to one (each in its timeline, by "flow"); either way the interaction is attached — its card
 * joins the timeline, and an e-mail held for it is filed into the thread.
 */
public final class TicketHook implements JooqInteractionStore.SaveHook {
  /** Who a flow's changes are by in the timeline. */
  public static final String FLOW = "flow";
  private static final Set<String> OUTBOUND = Set.of("call-list");
  /** The channel (and outbox kind) of text messages. */
  private static final String CONVERSATION = "message";

  private static final String EMAIL = "email";

  private final Ids ids;
  private final String mailFrom;

  /** @param mailFrom the sender of the e-mails flows send ({@code switchboard.mail-from}) */
  public TicketHook(Ids ids, String mailFrom) {
    this.ids = ids;
    this.mailFrom = mailFrom;
  }

  public TicketHook(Ids ids) {
    this(ids, "switchboard@localhost");
  }

  @Override
  public void inTransaction(DSLContext tx, Interaction it, long now) {
    SlaPolicy policy = null;
    java.util.Set<String> attachedNow = new java.util.HashSet<>();
    for (StepRecord step : it.newSteps()) {
      for (Effect effect : step.effects()) {
        if (effect instanceof Effect.TicketChange change) {
          if (policy == null) {
            TicketRepository in = new TicketRepository(tx);
            policy = SlaPolicy.of(in.statuses(), in.targets(), in.businessHours());
          }
          if (file(tx, it, change, policy, now)) {
            attachedNow.add(change.ticketId());
          }
        }
      }
    }
    if (CONVERSATION.equals(it.channel())) {
      converse(tx, it, attachedNow, now);
    }
    mail(tx, it, now);
  }

  /**
   * The e-mails a flow's steps send (an {@code email} or {@code reply} step) join the timeline of the
   * interaction's threads, with their delivery, and with the Message-ID the outbox sends them under,
   * so that the customer's answer finds its thread by its headers.
   */
  private void mail(DSLContext tx, Interaction it, long now) {
    List<Effect.OutboxMessage> mails = new ArrayList<>();
    for (StepRecord step : it.newSteps()) {
      for (Effect effect : step.effects()) {
        if (effect instanceof Effect.OutboxMessage m && EMAIL.equals(m.kind())) {
          mails.add(m);
        }
      }
    }
    if (mails.isEmpty()) {
      return;
    }
    for (String threadId : TicketRepository.threadsOf(tx, it.id())) {
      for (Effect.OutboxMessage m : mails) {
        ThreadEntryRecord entry = tx.newRecord(io.switchboard.runtime.store.jooq.Tables.THREAD_ENTRY);
        entry.setId(ids.next());
        entry.setThreadId(threadId);
        entry.setInteractionId(it.id());
        entry.setKind("email");
        entry.setDirection("out");
        entry.setAt(now);
        entry.setByUser(FLOW);
        entry.setFromAddr(mailFrom);
        entry.setToAddr(TicketRepository.truncate(text(m.payload().get("to")), 4000));
        entry.setCcAddr(TicketRepository.truncate(text(m.payload().get("cc")), 4000));
        entry.setSubject(TicketRepository.truncate(text(m.payload().get("subject")), 998));
        entry.setBody(text(m.payload().get("body")));
        entry.setMessageId(TicketRepository.truncate(m.idempotencyKey() + "@" + EmailMessageIds.DOMAIN, 255));
        entry.setInReplyTo(TicketRepository.truncate(text(m.payload().get("inReplyTo")), 255));
        entry.setOutboxId(m.id());
        TicketRepository.insertEntry(tx, entry);
      }
    }
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  /**
   * A text-message conversation joins the timeline of the threads it is attached to: when it is
   * attached, the customer's first message and what the flow already answered; from then on each
   * message either way as it comes.
   */
  private void converse(DSLContext tx, Interaction it, java.util.Set<String> attachedNow, long now) {
    List<String> threads = TicketRepository.threadsOf(tx, it.id());
    if (threads.isEmpty()) {
      return;
    }
    List<String[]> messages = new ArrayList<>(); // direction, text
    java.util.Set<String> sentNow = new java.util.HashSet<>();
    for (StepRecord step : it.newSteps()) {
      for (Object value : "wait".equals(step.nodeType()) ? step.changes().values() : List.of()) { // the customer's next message
        if (value instanceof Map<?, ?> data && data.get("body") instanceof String body) {
          messages.add(new String[] {"in", body});
        }
      }
      if (step.changes().get("customerMessage") instanceof String text) {
        messages.add(new String[] {"in", text});
      }
      for (Effect effect : step.effects()) {
        if (effect instanceof Effect.OutboxMessage m && CONVERSATION.equals(m.kind()) && m.payload().get("body") instanceof String body) {
          messages.add(new String[] {"out", body});
          sentNow.add(m.id());
        }
      }
    }
    String customer = it.trigger().get("from") instanceof String from ? from : null;
    String ours = it.trigger().get("to") instanceof String to ? to : null;
    for (String threadId : threads) {
      long last = Long.MIN_VALUE; // each entry at least a millisecond after the one before, so the timeline keeps their order
      if (attachedNow.contains(threadId)) {
        if (it.trigger().get("body") instanceof String first) {
          last = it.createdAt();
          TicketRepository.insertEntry(tx, message(tx, threadId, it, "in", customer, ours, first, last));
        }
        for (Map.Entry<Long, String> earlier : TicketRepository.sentMessages(tx, it.id(), sentNow)) { // before the thread
          last = Math.max(earlier.getKey(), last + 1);
          TicketRepository.insertEntry(tx, message(tx, threadId, it, "out", ours, customer, earlier.getValue(), last));
        }
      }
      for (String[] m : messages) {
        boolean in = m[0].equals("in");
        last = Math.max(now, last + 1);
        TicketRepository.insertEntry(tx, message(tx, threadId, it, m[0], in ? customer : ours, in ? ours : customer, m[1], last));
      }
    }
  }

  private ThreadEntryRecord message(DSLContext tx, String threadId, Interaction it, String direction, String from,
      String to, String text, long at) {
    ThreadEntryRecord entry = tx.newRecord(io.switchboard.runtime.store.jooq.Tables.THREAD_ENTRY);
    entry.setId(ids.next());
    entry.setThreadId(threadId);
    entry.setInteractionId(it.id());
    entry.setKind("message");
    entry.setDirection(direction);
    entry.setAt(at);
    entry.setByUser(direction.equals("out") ? FLOW : null);
    entry.setFromAddr(TicketRepository.truncate(from, 320));
    entry.setToAddr(TicketRepository.truncate(to, 4000));
    entry.setBody(text);
    return entry;
  }

  /** Files one ticket step; true when it attached the interaction to the thread just now. */
  private boolean file(DSLContext tx, Interaction it, Effect.TicketChange change, SlaPolicy policy, long now) {
    String id = change.ticketId();
    if (change.action() == Effect.TicketChange.Action.create) {
      String from = it.trigger().get("from") instanceof String f ? f : null;
      String customer = TicketService.customerOf(tx, from, ids, now);
      String status = change.status() != null && policy.statuses().containsKey(change.status()) ? change.status() : "new";
      ThreadRecord row = TicketService.newRow(tx, id, TicketRepository.truncate(change.subject(), 500), customer,
          change.queue(), change.priority() == null ? "normal" : change.priority(), status, it.channel(), now);
      policy.open(row, now);
      TicketRepository.insert(tx, row);
    } else {
      ThreadRecord row = TicketRepository.lockedRow(tx, id);
      if (change.status() != null && policy.statuses().containsKey(change.status())
          && !change.status().equals(row.getStatus())) {
        changed(tx, id, "status", row.getStatus(), change.status(), now);
        policy.changeStatus(row, change.status(), now);
      }
      if (change.priority() != null && !change.priority().equals(row.getPriority())) {
        changed(tx, id, "priority", row.getPriority(), change.priority(), now);
        policy.changePriority(row, change.priority(), now);
      }
      if (change.queue() != null && !change.queue().equals(row.getQueue())) {
        changed(tx, id, "queue", row.getQueue(), change.queue(), now);
        row.setQueue(change.queue());
      }
      if (change.subject() != null && !change.subject().isBlank() && !change.subject().equals(row.getSubject())) {
        changed(tx, id, "subject", row.getSubject(), change.subject(), now);
        row.setSubject(TicketRepository.truncate(change.subject(), 500));
      }
      row.setUpdatedAt(now);
      TicketRepository.store(tx, row);
    }
    if (TicketRepository.attach(tx, id, it.id(), now)) {
      TicketRepository.insertEntry(tx, TicketService.cardEntry(tx, ids.next(), id, it.id(), FLOW,
          OUTBOUND.contains(it.channel()) ? "out" : "in", it.createdAt()));
      TicketRepository.fileHeld(tx, it.id(), id);
      return true;
    }
    return false;
  }

  private void changed(DSLContext tx, String threadId, String field, String from, String to, long now) {
    TicketRepository.insertEntry(tx, TicketService.changeEntry(tx, ids.next(), threadId, FLOW, field, from, to, now));
  }
}
