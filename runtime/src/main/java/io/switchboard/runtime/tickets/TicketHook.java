package io.switchboard.runtime.tickets;

import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.store.JooqInteractionStore;
import io.switchboard.runtime.store.jooq.tables.records.ThreadRecord;
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

  private final Ids ids;

  public TicketHook(Ids ids) {
    this.ids = ids;
  }

  @Override
  public void inTransaction(DSLContext tx, Interaction it, long now) {
    SlaPolicy policy = null;
    for (StepRecord step : it.newSteps()) {
      for (Effect effect : step.effects()) {
        if (effect instanceof Effect.TicketChange change) {
          if (policy == null) {
            TicketRepository in = new TicketRepository(tx);
            policy = SlaPolicy.of(in.statuses(), in.targets(), in.businessHours());
          }
          file(tx, it, change, policy, now);
        }
      }
    }
  }

  private void file(DSLContext tx, Interaction it, Effect.TicketChange change, SlaPolicy policy, long now) {
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
    }
  }

  private void changed(DSLContext tx, String threadId, String field, String from, String to, long now) {
    TicketRepository.insertEntry(tx, TicketService.changeEntry(tx, ids.next(), threadId, FLOW, field, from, to, now));
  }
}
