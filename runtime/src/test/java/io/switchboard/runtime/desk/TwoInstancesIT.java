package io.switchboard.runtime.desk;

import static io.switchboard.runtime.store.jooq.Tables.ASSIGNMENT;
import static io.switchboard.runtime.store.jooq.Tables.OFFER;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.runtime.store.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two application instances on one MySQL database (MariaDB here) offer and accept at the same time,
 * each in two threads: no interaction is ever given to two agents, no agent ever holds two open offers
 * or more chats than their capacity, and every place that was free is filled.
 */
class TwoInstancesIT {
  private static final int AGENTS = 40;
  private static final int CHATS = 200;

  private HikariDataSource dataSource;

  @AfterEach
  void dispose() {
    if (dataSource != null) {
      TestDatabases.dispose(dataSource);
    }
  }

  @Test
  void neverOfferOrAssignTwiceNorBeyondCapacity() throws Exception {
    race(false);
  }

  /** The same with routing requirements: only agents with the skill, two chats each, regions preferred. */
  @Test
  void twoRoutersNeverAssignTwiceNorBeyondCapacity() throws Exception {
    race(true);
  }

  private void race(boolean routed) throws Exception {
    Assumptions.assumeTrue(TestDatabases.mysqlReachable(), "no MySQL-compatible server on 127.0.0.1:3306");
    dataSource = TestDatabases.mysql();
    dataSource.setMaximumPoolSize(8);
    Engine engine = new Engine();
    Map<String, io.switchboard.runtime.engine.CompiledFlow> flows = new java.util.HashMap<>(DeskIT.flows(engine));
    flows.put("routed", engine.compile(RoutingIT.ROUTED));
    DeskRig one = new DeskRig(dataSource, engine.clock(), flows);
    DeskRig two = new DeskRig(dataSource, engine.clock(), flows);
    List<String> agents = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      agents.add("agent" + i);
    }
    String queue = routed ? "support" : "q";
    one.queue(queue, 3600, 0, agents);
    int capacity = 3;
    int able = AGENTS;
    if (routed) {
      capacity = 2;
      able = AGENTS / 2;
      for (int i = 0; i < AGENTS; i++) {
        one.routing.putProfile(agents.get(i), Map.of("product:router", i % 2 == 0 ? 4 : 1), List.of(), Map.of("chat", 2),
            List.of());
      }
    }
    agents.forEach(a -> (a.hashCode() % 2 == 0 ? one : two).available(a));
    for (int i = 0; i < CHATS; i++) {
      (i % 2 == 0 ? one : two).start(routed ? "routed" : "tiny", "+48" + (100000 + i));
    }

    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ConcurrentLinkedQueue<String> doubleOffers = new ConcurrentLinkedQueue<>();
    int workers = 4;
    CyclicBarrier together = new CyclicBarrier(workers);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      DeskRig rig = w % 2 == 0 ? one : two;
      int worker = w;
      done.add(pool.submit(() -> {
        together.await();
        for (int round = 0; round < 40; round++) {
          rig.offering.round();
          for (int a = worker / 2; a < AGENTS; a += 2) { // a worker of each instance sees each agent: they race to accept
            for (Offer offer : rig.desk.offers(agents.get(a))) {
              try {
                rig.desk.accept(offer.id(), offer.username());
                accepted.incrementAndGet();
              } catch (ConflictException e) {
                refused.incrementAndGet();
              }
            }
          }
          rig.dsl.select(OFFER.USERNAME).from(OFFER).where(OFFER.STATUS.eq("open")).groupBy(OFFER.USERNAME)
              .having(DSL.count().gt(1)).fetch(OFFER.USERNAME).forEach(doubleOffers::add);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    assertThat(doubleOffers).as("agents with two open offers at once").isEmpty();
    var dsl = one.dsl;
    assertThat(dsl.select(OFFER.INTERACTION_ID).from(OFFER).where(OFFER.STATUS.eq("accepted"))
        .groupBy(OFFER.INTERACTION_ID).having(DSL.count().gt(1)).fetch()).as("interactions accepted twice").isEmpty();
    assertThat(dsl.select(ASSIGNMENT.USERNAME).from(ASSIGNMENT).where(ASSIGNMENT.ENDED_AT.isNull())
        .groupBy(ASSIGNMENT.USERNAME).having(DSL.count().gt(capacity)).fetch()).as("agents beyond their chats").isEmpty();
    int assigned = dsl.fetchCount(ASSIGNMENT);
    assertThat(assigned).as("every free place filled").isEqualTo(able * capacity);
    if (routed) {
      assertThat(dsl.select(ASSIGNMENT.USERNAME).from(ASSIGNMENT).fetch(ASSIGNMENT.USERNAME))
          .as("only agents with the skill").allMatch(a -> Integer.parseInt(a.substring(5)) % 2 == 0);
    }
    assertThat(accepted.get()).isEqualTo(assigned);
    for (String agent : agents) {
      AgentStatus status = one.desk.me(agent);
      assertThat(status.active()).as(agent).containsEntry("message", status.interactions().size());
    }
    assertThat(one.desk.queues().getFirst().waiting()).isEqualTo(CHATS - able * capacity);
    System.out.printf("two instances: %d accepted, %d accept races lost%n", accepted.get(), refused.get());
  }
}
