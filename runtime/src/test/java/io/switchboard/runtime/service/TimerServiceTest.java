package io.switchboard.runtime.service;

import static io.switchboard.runtime.Conditions.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.connector.LocalHttpServer;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.Interpreter;
import io.switchboard.runtime.engine.RuntimeServices;
import io.switchboard.runtime.engine.TinyFlow;
import io.switchboard.runtime.store.Databases;
import io.switchboard.runtime.store.JooqInteractionStore;
import io.switchboard.runtime.store.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real timer loop on a short interval, a store on H2 and a hand-moved clock: a flow whose timer
 * leads to a slow fetch holds one worker, while another interaction's timer still fires.
 */
class TimerServiceTest {
  private static final Duration INTERVAL = Duration.ofMillis(50);

  private final LocalHttpServer upstream = new LocalHttpServer();
  private final CountDownLatch fetchArrived = new CountDownLatch(1);
  private final CountDownLatch upstreamAnswers = new CountDownLatch(1);
  private final HikariDataSource database = TestDatabases.h2();
  private final Engine engine = new Engine();
  private final Engine.MutableClock clock = engine.clock();
  private final JooqInteractionStore store = new JooqInteractionStore(Databases.dsl(database), clock);
  private final Map<String, CompiledFlow> flows = Map.of(
      "slow", flow("slow", """
          {"id": "f", "type": "fetch", "config": {"request": {"method": "GET", "url": "%s"}, "timeoutMs": 60000,
            "retries": 0}},
          {"id": "ok", "type": "end", "config": {"outcome": "fetched"}},
          {"id": "ko", "type": "end", "config": {"outcome": "failed"}}""".formatted(upstream.url("/slow")), """
          {"from": "w", "port": "next", "to": "f"}, {"from": "f", "port": "ok", "to": "ok"},
          {"from": "f", "port": "error", "to": "ko"}"""),
      "quick", flow("quick", """
          {"id": "e", "type": "end", "config": {"outcome": "on time"}}""", """
          {"from": "w", "port": "next", "to": "e"}"""));
  private final InteractionService interactions = new InteractionService(new RunnableFlows() {
    @Override
    public CompiledFlow latest(String flowId) {
      return flows.get(flowId);
    }

    @Override
    public CompiledFlow compiled(String flowId, int version) {
      return flows.get(flowId);
    }
  }, store, new Interpreter(new RuntimeServices(clock, new Ids(), store), 100), new Ids(), clock, () -> { }, id -> List.of());
  private final TimerService timers = new TimerService(store, interactions, clock, 2);

  TimerServiceTest() throws Exception {
    upstream.answer(x -> {
      fetchArrived.countDown();
      try {
        upstreamAnswers.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      LocalHttpServer.respond(x, 200, "application/json", "{}");
    });
  }

  /** A flow that waits one second at node {@code w}, then goes on with {@code nodes}. */
  private CompiledFlow flow(String id, String nodes, String edges) {
    return engine.compile(TinyFlow.of("message", "[]", """
        {"id": "w", "type": "wait", "config": {"seconds": 1}}, """ + nodes, """
        {"from": "t", "port": "next", "to": "w"}, """ + edges).replace("\"id\": \"tiny\"", "\"id\": \"" + id + "\""));
  }

  @AfterEach
  void stop() {
    upstreamAnswers.countDown();
    timers.close();
    upstream.close();
    TestDatabases.dispose(database);
  }

  private String start(String flowId) {
    return interactions.start(new StartRequest(flowId, "message", "+48600", "+48700", Map.of(), Map.of(), null)).id();
  }

  @Test
  void aSlowStepAfterATimerHoldsOneWorkerWhileAnotherInteractionsTimerFiresOnTime() throws Exception {
    String slow = start("slow");
    timers.start(INTERVAL);
    clock.advanceSeconds(1);
    assertThat(fetchArrived.await(5, TimeUnit.SECONDS)).as("the slow interaction's fetch reached the upstream").isTrue();

    String quick = start("quick");
    clock.advanceSeconds(1);

    assertThat(within(INTERVAL.multipliedBy(20), () -> interactions.get(quick).status() == InteractionStatus.completed))
        .as("the quick interaction's timer fired while the slow fetch was under way").isTrue();
    assertThat(interactions.get(quick).outcome()).isEqualTo("on time");
    assertThat(interactions.get(slow).status()).as("still fetching").isEqualTo(InteractionStatus.waiting);
    assertThat(upstream.requests()).as("the slow interaction was handed over once").isEqualTo(1);

    upstreamAnswers.countDown();
    assertThat(within(Duration.ofSeconds(5), () -> interactions.get(slow).status() == InteractionStatus.completed)).isTrue();
    assertThat(interactions.get(slow).outcome()).isEqualTo("fetched");
    assertThat(upstream.requests()).isEqualTo(1);
  }
}
