package io.switchboard.runtime.tickets;

import static io.switchboard.runtime.store.jooq.Tables.CUSTOMER;
import static io.switchboard.runtime.store.jooq.Tables.CUSTOMER_CONTACT;
import static io.switchboard.runtime.store.jooq.Tables.THREAD;
import static io.switchboard.runtime.store.jooq.Tables.THREAD_COUNTER;

import io.switchboard.runtime.desk.BenchStores;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.store.jooq.tables.records.ThreadRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Thread-list queries on 100k threads, on each store of {@code -Dbench.stores}: the list's filters as
 * the thread screen and {@code GET /api/threads} send them, each timed over many runs (p50, p99), beside
 * the same run's baseline — the plainest page query (one queue, newest first, no SLA ordering, no
 * customers). Also threads opened per second through the service (customer, number, first e-mail).
 *
 * <pre>./mvnw -q -pl flow-schemas,runtime -Pbench verify -DskipTests \
 *   -Dbench.main=io.switchboard.runtime.tickets.TicketBenchmark -Dbench.stores=h2,mysql</pre>
 */
public final class TicketBenchmark {
  private static final int THREADS = Integer.getInteger("bench.threads", 100_000);
  private static final int RUNS = Integer.getInteger("bench.runs", 200);
  private static final String[] WORDS = {"printer", "router", "invoice", "login", "password", "gps", "delivery", "refund",
      "wifi", "screen", "battery", "contract", "update", "crash", "slow", "noise", "account", "order"};
  private static final String[] STATUSES = {"new", "open", "open", "waiting", "solved", "closed", "closed", "closed"};
  private static final String[] PRIORITIES = {"low", "normal", "normal", "normal", "high", "urgent"};

  public static void main(String[] args) throws Exception {
    BenchStores.each((store, dataSource) -> {
      Engine engine = new Engine();
      try (TicketRig rig = new TicketRig(dataSource, engine.clock(), Map.of(), 1)) {
        for (int q = 0; q < 20; q++) {
          rig.queue("q" + q);
        }
        long seeded = seed(rig.dsl, engine.clock().millis());
        System.out.printf("%s: %,d threads seeded in %.1f s%n", store, THREADS, seeded / 1000.0);
        measureOpen(store, rig);
        TicketService tickets = rig.tickets;
        time(store, "baseline: one queue's newest 50 (plain query)", () -> rig.dsl.selectFrom(THREAD)
            .where(THREAD.QUEUE.eq("q7")).orderBy(THREAD.UPDATED_AT.desc()).limit(50).fetch().size());
        time(store, "open threads of a queue, first page", () -> tickets.list(
            new TicketRepository.Filter("q7", null, null, false, null, true, 50, 0)).threads().size());
        time(store, "one person's open threads", () -> tickets.list(
            new TicketRepository.Filter(null, null, "agent13", false, null, true, 50, 0)).threads().size());
        time(store, "overdue (breached) threads", () -> tickets.list(
            new TicketRepository.Filter(null, null, null, true, null, false, 50, 0)).threads().size());
        time(store, "text search 'refund' (subject, customer)", () -> tickets.list(
            new TicketRepository.Filter(null, null, null, false, "refund", false, 50, 0)).threads().size());
        time(store, "by number '#51234'", () -> tickets.list(
            new TicketRepository.Filter(null, null, null, false, "#51234", false, 50, 0)).threads().size());
      }
    });
  }

  /** 100k threads in batches of 2,000, with 30k customers; 3 % of the open ones breached. */
  private static long seed(DSLContext dsl, long now) {
    long start = System.nanoTime();
    Random random = new Random(7);
    int customers = THREADS * 3 / 10;
    for (int from = 0; from < customers; from += 2_000) {
      int first = from;
      int last = Math.min(customers, from + 2_000);
      dsl.transaction(c -> {
        DSLContext tx = DSL.using(c);
        var people = tx.insertInto(CUSTOMER, CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.CREATED_AT, CUSTOMER.UPDATED_AT);
        var contacts = tx.insertInto(CUSTOMER_CONTACT, CUSTOMER_CONTACT.KIND, CUSTOMER_CONTACT.CONTACT,
            CUSTOMER_CONTACT.CUSTOMER_ID);
        for (int i = first; i < last; i++) {
          people = people.values("c" + i, "Customer " + i, now, now);
          contacts = contacts.values("email", "customer" + i + "@example.com", "c" + i);
        }
        people.execute();
        contacts.execute();
      });
    }
    for (int from = 0; from < THREADS; from += 2_000) {
      int first = from;
      int last = Math.min(THREADS, from + 2_000);
      dsl.transaction(c -> {
        DSLContext tx = DSL.using(c);
        List<ThreadRecord> rows = new ArrayList<>();
        for (int i = first; i < last; i++) {
          String status = STATUSES[random.nextInt(STATUSES.length)];
          boolean open = !status.equals("solved") && !status.equals("closed");
          long created = now - random.nextInt(90 * 24) * 3_600_000L;
          ThreadRecord row = tx.newRecord(THREAD);
          row.setId("t" + i);
          row.setNumber(1001L + i);
          row.setSubject(WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " problem " + i);
          row.setCustomerId("c" + random.nextInt(customers));
          row.setQueue("q" + random.nextInt(20));
          row.setAssignee(random.nextInt(10) == 0 ? null : "agent" + random.nextInt(50));
          row.setPriority(PRIORITIES[random.nextInt(PRIORITIES.length)]);
          row.setStatus(status);
          row.setChannel("email");
          row.setCreatedAt(created);
          row.setUpdatedAt(created + random.nextInt(3_600_000));
          row.setStatusSince(created);
          row.setSlaState(open && random.nextInt(100) < 3 ? "breached" : "ok");
          row.setNextCheck(open ? now + random.nextInt(86_400_000) : null);
          rows.add(row);
        }
        tx.batchInsert(rows).execute();
      });
    }
    dsl.update(THREAD_COUNTER).set(THREAD_COUNTER.NEXT_NUMBER, 1001L + THREADS).execute();
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Threads opened through the service from inbound e-mail: a customer found or made, a number taken, the e-mail stored. */
  private static void measureOpen(String store, TicketRig rig) {
    int count = 2_000;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      rig.tickets.open(new InboundEmail("support@example.com", "bench-" + i + "@example.com", null, List.of(),
          "customer" + (i * 7) + "@example.com", null, List.of("support@example.com"), List.of(), "Bench " + i,
          "Hello, my printer does not print.", null, null, List.of(), null), "q" + (i % 20));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: opened %,d threads from e-mail through the service: %,.0f threads/s (1 thread)%n", store, count,
        count / seconds);
  }

  private static void time(String store, String what, Supplier<Integer> query) {
    for (int i = 0; i < 20; i++) {
      query.get();
    }
    long[] nanos = new long[RUNS];
    int rows = 0;
    long start = System.nanoTime();
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      rows = query.get();
      nanos[i] = System.nanoTime() - t;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    System.out.printf("%s: %-46s p50 %6.2f ms  p99 %6.2f ms  %,7.0f queries/s  (%d rows)%n", store, what,
        nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6, RUNS / seconds, rows);
  }

}
