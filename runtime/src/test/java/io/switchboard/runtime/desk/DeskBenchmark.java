package io.switchboard.runtime.desk;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.store.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The desk's benchmark (not a test): 500 agents in 10 queues and 5,000 interactions waiting.
 * <ul>
 *   <li>offers per second: one offering round offers to every free agent; the offers are then given
 *       back and the round repeated;</li>
 *   <li>baseline: the same claims without deciding anything (each waiting interaction to a fixed
 *       agent), to show what the matching costs over the database's conditional updates;</li>
 *   <li>delay from "agent available" to "offer shown": an agent chooses available and the offering
 *       component's listener (what the workspace pushes from) hears of their offer.</li>
 * </ul>
 * Run: {@code ./mvnw -q -pl runtime -am -Pbench verify -Dbench.main=io.switchboard.runtime.desk.DeskBenchmark
 * -Dbench.stores=h2,mysql}.
 */
public final class DeskBenchmark {
  private static final int AGENTS = 500;
  private static final int QUEUES = 10;
  private static final int WAITING = 5_000;
  private static final int ROUNDS = 10;
  private static final int DELAY_SAMPLES = 50;

  private DeskBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchStores.each(DeskBenchmark::run);
  }

  private static void run(String store, HikariDataSource dataSource) throws Exception {
    Engine engine = new Engine();
    DeskRig rig = new DeskRig(dataSource, engine.clock(), DeskIT.flows(engine));
    List<String> agents = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      agents.add("agent" + i);
    }
    for (int q = 0; q < QUEUES; q++) {
      rig.queue(q == 0 ? "q" : "q" + q, 86_400, 0, agents.subList(q * AGENTS / QUEUES, (q + 1) * AGENTS / QUEUES));
    }
    long t0 = System.nanoTime();
    List<List<String>> byQueue = new ArrayList<>();
    for (int q = 0; q < QUEUES; q++) {
      byQueue.add(new ArrayList<>());
    }
    for (int i = 0; i < WAITING; i++) {
      byQueue.get(i % QUEUES).add(rig.start("tiny", "+48" + (100000 + i)));
      rig.advance(Duration.ofMillis(1));
    }
    // the flow waits in queue q: spread the waiting interactions over all ten, as if ten flows had
    for (int q = 1; q < QUEUES; q++) {
      rig.dsl.update(io.switchboard.runtime.store.jooq.Tables.QUEUE_ENTRY)
          .set(io.switchboard.runtime.store.jooq.Tables.QUEUE_ENTRY.QUEUE_ID, "q" + q)
          .where(io.switchboard.runtime.store.jooq.Tables.QUEUE_ENTRY.INTERACTION_ID.in(byQueue.get(q))).execute();
    }
    System.out.printf("%s: %d interactions waiting, started in %.1f s%n", store, WAITING, (System.nanoTime() - t0) / 1e9);
    agents.forEach(rig::available);

    double[] perSecond = new double[ROUNDS];
    double[] baseline = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long start = System.nanoTime();
      int offered = rig.offering.round().offered();
      if (offered != AGENTS) {
        throw new IllegalStateException("a round offered " + offered + " interactions to " + AGENTS + " free agents");
      }
      perSecond[r] = offered / ((System.nanoTime() - start) / 1e9);
      giveBack(rig, agents);
      start = System.nanoTime();
      int claimed = claimWithoutDeciding(rig, agents);
      baseline[r] = claimed / ((System.nanoTime() - start) / 1e9);
      giveBack(rig, agents);
    }
    System.out.printf("%s: offers per second (one round, %d free agents, %d waiting): median %.0f (min %.0f, max %.0f)%n",
        store, AGENTS, WAITING, median(perSecond), Arrays.stream(perSecond).min().orElse(0),
        Arrays.stream(perSecond).max().orElse(0));
    System.out.printf("%s: baseline, the same claims without deciding: median %.0f per second%n", store, median(baseline));

    // the delay from "available" to "offer shown"
    Map<String, CountDownLatch> shown = new ConcurrentHashMap<>();
    rig.offering.listen((username, offerId) -> {
      CountDownLatch latch = shown.get(username);
      if (latch != null) {
        latch.countDown();
      }
    });
    agents.forEach(a -> rig.desk.chooseState(a, "away"));
    rig.offering.start(Duration.ofSeconds(1));
    double[] delays = new double[DELAY_SAMPLES];
    for (int i = 0; i < DELAY_SAMPLES; i++) {
      String agent = agents.get(i * 7 % AGENTS);
      CountDownLatch latch = new CountDownLatch(1);
      shown.put(agent, latch);
      long start = System.nanoTime();
      rig.desk.chooseState(agent, "available");
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no offer reached " + agent + " within 10 s");
      }
      delays[i] = (System.nanoTime() - start) / 1e6;
      shown.remove(agent);
      rig.desk.chooseState(agent, "away");
    }
    rig.offering.close();
    Arrays.sort(delays);
    System.out.printf("%s: available -> offer shown (%d samples): p50 %.1f ms, p90 %.1f ms, max %.1f ms%n", store,
        DELAY_SAMPLES, delays[DELAY_SAMPLES / 2], delays[DELAY_SAMPLES * 9 / 10], delays[DELAY_SAMPLES - 1]);
  }

  /** Each free agent claims the first waiting interaction of their queue, no matcher involved. */
  private static int claimWithoutDeciding(DeskRig rig, List<String> agents) {
    long now = rig.clock.millis();
    List<Matcher.Waiting> waiting = rig.repository.waitingForOffer(WAITING);
    int claimed = 0;
    int next = 0;
    for (String agent : agents) {
      Matcher.Waiting w = waiting.get(next++);
      if (rig.repository.claimOffer(w, agent, java.util.UUID.randomUUID().toString(), now, now + 20_000, now - 60_000)) {
        claimed++;
      }
    }
    return claimed;
  }

  private static void giveBack(DeskRig rig, List<String> agents) {
    for (String agent : agents) {
      for (Offer offer : rig.repository.openOffers(agent)) {
        rig.repository.endOffer(offer.id(), "withdrawn", null, rig.clock.millis());
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
