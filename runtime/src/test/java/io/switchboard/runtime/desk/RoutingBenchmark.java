package io.switchboard.runtime.desk;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.routing.Region;
import io.switchboard.runtime.routing.RegionTree;
import io.switchboard.runtime.routing.Router;
import io.switchboard.runtime.routing.RoutingSnapshot;
import io.switchboard.runtime.service.StartRequest;
import io.switchboard.runtime.store.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The router's benchmark (not a test): 1,000 agents with skills and regions in 10 queues, 10,000
 * interactions waiting at a route step (skill product:router ≥ 3, same region for 60 s, then any).
 * <ul>
 *   <li>decisions per second and decision latency: the router deciding each waiting interaction
 *       against all 1,000 free agents, with every agent explained — and, as the same run's
 *       baseline, the same agents deciding interactions of a plain queue (no skills, no regions);</li>
 *   <li>offers per second through the database: one offering round (snapshot load, decisions,
 *       claims and kept explanations) with every agent free.</li>
 * </ul>
 * Run: {@code ./mvnw -q -pl runtime -am -Pbench verify -Dbench.main=io.switchboard.runtime.desk.RoutingBenchmark
 * -Dbench.stores=h2,mysql}.
 */
public final class RoutingBenchmark {
  private static final int AGENTS = 1_000;
  private static final int QUEUES = 10;
  private static final int WAITING = 10_000;
  private static final int DECISIONS = 2_000;
  private static final int ROUNDS = 5;

  private RoutingBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchStores.each(RoutingBenchmark::run);
  }

  private static void run(String store, HikariDataSource dataSource) throws Exception {
    Engine engine = new Engine();
    Map<String, CompiledFlow> flows = new HashMap<>(DeskIT.flows(engine));
    flows.put("routed", engine.compile(RoutingIT.ROUTED.replace("\"queue\": \"support\"", "\"queue\": \"{{ team }}\"")
        .replace("[{\"name\": \"tier\"", "[{\"name\": \"team\", \"type\": \"string\"}, {\"name\": \"tier\"")));
    DeskRig rig = new DeskRig(dataSource, engine.clock(), flows);
    rig.regions.replace(new RegionTree(List.of(
        new Region("poland", "Poland", null, List.of("PL"), List.of(), List.of()),
        new Region("mazowieckie", "Mazowieckie", "poland", List.of(), List.of("Warszawa"), List.of()),
        new Region("malopolskie", "Małopolskie", "poland", List.of(), List.of("Kraków"), List.of()))), "bench");
    Random random = new Random(42);
    List<String> agents = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      agents.add("agent" + i);
    }
    for (int q = 0; q < QUEUES; q++) {
      rig.queue("team" + q, 86_400, 0, agents.subList(q * AGENTS / QUEUES, (q + 1) * AGENTS / QUEUES));
    }
    for (String agent : agents) {
      rig.routing.putProfile(agent, Map.of("product:router", 1 + random.nextInt(5), "language:pl", 1 + random.nextInt(5)),
          List.of(random.nextBoolean() ? "mazowieckie" : "malopolskie"), Map.of("chat", 3), List.of());
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < WAITING; i++) {
      rig.interactions.start(new StartRequest("routed", "message", i % 2 == 0 ? "+48 22 555 01 00" : "+48 12 555 01 00",
          "+4822000000", Map.of("team", "team" + (i % QUEUES), "tier", i % 7 == 0 ? "gold" : "standard"), Map.of(), null));
      rig.advance(Duration.ofMillis(1));
    }
    System.out.printf("%s: %d routed interactions waiting, started in %.1f s%n", store, WAITING,
        (System.nanoTime() - t0) / 1e9);
    agents.forEach(rig::available);

    List<Matcher.Waiting> waiting = rig.repository.waitingForOffer(DECISIONS);
    List<Matcher.Candidate> free = rig.offering.freeAgents();
    long now = rig.clock.millis();
    RoutingSnapshot snapshot = rig.matcher.live(now);
    List<Matcher.Waiting> plain = waiting.stream().map(w -> new Matcher.Waiting(w.interactionId(), w.queueId(), w.channel(),
        w.priority(), w.enqueuedAt(), w.caller(), null, w.triedAgents())).toList();
    for (int warm = 0; warm < 3; warm++) {
      decide(waiting, snapshot, free, now);
      decide(plain, snapshot, free, now);
    }
    report(store, "router, route requirements (skills, region, steps)", decide(waiting, snapshot, free, now));
    report(store, "baseline, the same agents for a plain queue", decide(plain, snapshot, free, now));

    double[] perSecond = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long start = System.nanoTime();
      int offered = rig.offering.round().offered();
      perSecond[r] = offered / ((System.nanoTime() - start) / 1e9);
      for (String agent : agents) {
        for (Offer offer : rig.repository.openOffers(agent)) {
          rig.repository.endOffer(offer.id(), "withdrawn", null, rig.clock.millis());
        }
      }
    }
    Arrays.sort(perSecond);
    System.out.printf("%s: offering round with %d free agents, %d waiting (snapshot, decisions, claims, explanations "
        + "kept): median %.0f offers per second%n", store, AGENTS, WAITING, perSecond[ROUNDS / 2]);
  }

  private static long[] decide(List<Matcher.Waiting> waiting, RoutingSnapshot snapshot, List<Matcher.Candidate> free,
      long now) {
    long[] nanos = new long[waiting.size()];
    for (int i = 0; i < waiting.size(); i++) {
      long start = System.nanoTime();
      Router.decide(waiting.get(i), snapshot, free, now);
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  private static void report(String store, String what, long[] nanos) {
    long total = Arrays.stream(nanos).sum();
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf("%s: %s: %.0f decisions per second, p50 %.0f µs, p99 %.0f µs (each against %d agents)%n", store,
        what, nanos.length / (total / 1e9), sorted[sorted.length / 2] / 1e3, sorted[sorted.length * 99 / 100] / 1e3, AGENTS);
  }
}
