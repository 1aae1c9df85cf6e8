package io.switchboard.runtime.tickets;

import static io.switchboard.runtime.store.jooq.Tables.ALERT;
import static io.switchboard.runtime.store.jooq.Tables.QUEUE_ENTRY;
import static io.switchboard.runtime.store.jooq.Tables.THREAD_INTERACTION;

import io.switchboard.runtime.desk.Priorities;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.store.jooq.tables.records.ThreadRecord;
import io.switchboard.runtime.work.Workers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads' background work, done by whichever instance gets there first: each change is a
 * conditional update of the thread's row, so of several instances exactly one makes it.
 *
 * <ul>
 *   <li>SLA: a thread whose next check is due is re-read against its deadlines. Nearing one raises its
 *       priority a step (and that of its interactions waiting in a queue), so work about to breach is
 *       offered and assigned first; passing one flags it, raises an alert and runs the flow that listens
 *       for breaches.
 *   <li>Assignment: an open thread in a queue without an assignee goes to the queue's member present
 *       who was given one longest ago (round robin).
 *   <li>Absence: the open threads of someone away or absent move to others present in the same queue.
 * </ul>
 */
public final class TicketRounds implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TicketRounds.class);
  /** Who the round's changes are by in the timeline. */
  public static final String SLA = "sla";
  public static final String ASSIGNMENT = "assignment";
  private static final int BATCH = 200;

  private final TicketRepository repository;
  private final Clock clock;
  private final Ids ids;
  private final TicketPorts.Presence presence;
  private final TicketPorts.Breaches breaches;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(Workers.daemons("ticket-rounds"));

  public TicketRounds(TicketRepository repository, Clock clock, Ids ids, TicketPorts.Presence presence,
      TicketPorts.Breaches breaches) {
    this.repository = repository;
    this.clock = clock;
    this.ids = ids;
    this.presence = presence;
    this.breaches = breaches;
  }

  public void start(Duration interval) {
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        round();
      } catch (RuntimeException e) {
        log.warn("A ticket round failed; the next one tries again: {}", e.toString());
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What one round did. */
  public record Round(int nearing, int breached, int assigned, int moved) {}

  public Round round() {
    long now = clock.millis();
    SlaPolicy policy = SlaPolicy.of(repository.statuses(), repository.targets(), repository.businessHours());
    int[] sla = sla(policy, now);
    Map<String, Integer> open = new HashMap<>(repository.openCounts(policy.resolving()));
    Map<String, List<String>> present = new HashMap<>();
    Map<String, Map<String, Long>> given = new HashMap<>();
    int moved = moveFromGone(policy, open, present, given, now);
    int assigned = assign(policy, open, present, given, now);
    return new Round(sla[0], sla[1], assigned, moved);
  }

  private int[] sla(SlaPolicy policy, long now) {
    int nearing = 0;
    int breached = 0;
    for (String id : repository.dueForCheck(now, BATCH)) {
      Optional<ThreadRecord> found = TicketRepository.row(repository.dsl(), id);
      if (found.isEmpty()) {
        continue;
      }
      ThreadRecord row = found.get();
      SlaPolicy.Evaluation e = policy.evaluation(row, now);
      boolean toBreached = "breached".equals(e.state()) && !"breached".equals(row.getSlaState());
      boolean raise = "ok".equals(row.getSlaState()) && !"ok".equals(e.state())
          && Priorities.rank(row.getPriority()) < Priorities.rank("urgent");
      String priority = raise ? Priorities.name(Priorities.rank(row.getPriority()) + 1) : row.getPriority();
      String raisedFrom = raise && row.getRaisedFrom() == null ? row.getPriority() : row.getRaisedFrom();
      boolean moved = repository.inTransaction(tx -> {
        if (!TicketRepository.moveSla(tx, row, e.state(), e.nextCheck(), toBreached ? e.breach() : row.getBreach(),
            toBreached ? Long.valueOf(now) : row.getBreachedAt(), priority, raisedFrom, now)) {
          return false; // changed meanwhile, or another instance got there first
        }
        if (raise) {
          TicketRepository.insertEntry(tx, TicketService.changeEntry(tx, ids.next(), row.getId(), SLA, "priority",
              row.getPriority(), priority, now));
          raiseWaiting(tx, row.getId(), Priorities.rank(priority));
        }
        if (toBreached) {
          TicketRepository.insertEntry(tx, TicketService.changeEntry(tx, ids.next(), row.getId(), SLA, "sla",
              row.getSlaState(), "breached: " + e.breach(), now));
          tx.insertInto(ALERT).set(ALERT.ID, ids.next()).set(ALERT.THREAD_ID, row.getId()).set(ALERT.SEVERITY, "warning")
              .set(ALERT.MESSAGE, TicketRepository.truncate("Thread #" + row.getNumber() + " \u201c" + row.getSubject()
                  + "\u201d is past its limit: " + e.breach() + ".", 2000))
              .set(ALERT.QUEUE, row.getQueue()).set(ALERT.CREATED_AT, now).execute();
        }
        return true;
      });
      if (moved && raise) {
        nearing++;
      }
      if (moved && toBreached) {
        breached++;
        repository.find(id).ifPresent(thread -> {
          try {
            breaches.breached(thread, e.breach());
          } catch (RuntimeException ex) {
            log.warn("The flow for the breach of thread #{} did not start: {}", row.getNumber(), ex.getMessage());
          }
        });
      }
    }
    return new int[] {nearing, breached};
  }

  /** The thread's interactions waiting in a queue move up to its raised priority. */
  private static void raiseWaiting(DSLContext tx, String threadId, int rank) {
    tx.update(QUEUE_ENTRY).set(QUEUE_ENTRY.PRIORITY, rank)
        .where(QUEUE_ENTRY.PRIORITY.lt(rank).and(QUEUE_ENTRY.INTERACTION_ID.in(tx.select(THREAD_INTERACTION.INTERACTION_ID)
            .from(THREAD_INTERACTION).where(THREAD_INTERACTION.THREAD_ID.eq(threadId))))).execute();
  }

  private int moveFromGone(SlaPolicy policy, Map<String, Integer> open, Map<String, List<String>> present,
      Map<String, Map<String, Long>> given, long now) {
    int moved = 0;
    Map<String, String> away = presence.gone(now);
    for (String holder : new ArrayList<>(open.keySet())) {
      String gone = away.get(holder);
      if (gone == null) {
        continue;
      }
      for (ThreadRecord row : repository.heldBy(List.of(holder), policy.resolving())) {
        if (row.getQueue() == null) {
          continue;
        }
        List<String> others = present.computeIfAbsent(row.getQueue(), q -> presence.present(q, now)).stream()
            .filter(p -> !p.equals(holder)).toList();
        if (others.isEmpty()) {
          continue;
        }
        String to = next(row.getQueue(), others, open, given);
        if (give(row, holder, to, holder + " is " + gone, now)) {
          given.get(row.getQueue()).put(to, now);
          open.merge(holder, -1, Integer::sum);
          open.merge(to, 1, Integer::sum);
          moved++;
        }
      }
    }
    return moved;
  }

  private int assign(SlaPolicy policy, Map<String, Integer> open, Map<String, List<String>> present,
      Map<String, Map<String, Long>> given, long now) {
    int assigned = 0;
    for (ThreadRecord row : repository.unassigned(policy.resolving(), BATCH)) {
      List<String> here = present.computeIfAbsent(row.getQueue(), q -> presence.present(q, now));
      if (here.isEmpty()) {
        continue;
      }
      String to = next(row.getQueue(), here, open, given);
      if (give(row, null, to, "round robin among the " + here.size() + " present in " + row.getQueue(), now)) {
        given.get(row.getQueue()).put(to, now);
        open.merge(to, 1, Integer::sum);
        assigned++;
      }
    }
    return assigned;
  }

  /** Who of those present gets the next thread of the queue: the one given one longest ago, then the one holding fewest. */
  private String next(String queue, List<String> candidates, Map<String, Integer> open,
      Map<String, Map<String, Long>> given) {
    Map<String, Long> last = given.computeIfAbsent(queue, q -> new HashMap<>(repository.lastAssigned(q)));
    return candidates.stream().min(Comparator.<String>comparingLong(c -> last.getOrDefault(c, Long.MIN_VALUE))
        .thenComparingInt(c -> open.getOrDefault(c, 0)).thenComparing(Comparator.naturalOrder())).orElseThrow();
  }

  private boolean give(ThreadRecord row, String from, String to, String reason, long now) {
    return repository.inTransaction(tx -> {
      if (!TicketRepository.reassign(tx, row.getId(), from, to, now)) {
        return false;
      }
      TicketRepository.assigned(tx, row.getQueue(), to, now);
      var entry = TicketService.changeEntry(tx, ids.next(), row.getId(), ASSIGNMENT, "assignee", from, to, now);
      entry.setBody(reason);
      TicketRepository.insertEntry(tx, entry);
      return true;
    });
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
