package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.node.Waiting;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitExecutorTest extends ExecutorTestSupport {
  private static final String EDGES = """
      {"from": "t", "port": "next", "to": "w"}, {"from": "w", "port": "next", "to": "n"}, {"from": "w", "port": "timeout", "to": "o"}""";
  private static final String ENDS = """
      {"id": "n", "type": "end", "config": {"outcome": "next {{ reply }}"}},
      {"id": "o", "type": "end", "config": {"outcome": "timeout"}}""";
  private static final String VARIABLES = """
      [{"name": "reply", "type": "object"}]""";

  @Test
  void aPauseSetsAStoredDeadlineAndTheTimerTakesNext() {
    Interaction it = run(VARIABLES, """
        {"id": "w", "type": "wait", "config": {"seconds": 60}}, """ + ENDS, EDGES);

    assertThat(it.waiting().kind()).isEqualTo(Waiting.Kind.timer);
    assertThat(it.waiting().deadline()).isEqualTo(engine.clock().millis() + 60_000);
    assertThat(engine.store.dueWaits(engine.clock().millis(), 10)).isEmpty();
    engine.clock().advanceSeconds(61);
    assertThat(engine.store.dueWaits(engine.clock().millis(), 10)).containsExactly(it.id());

    engine.resume(flow, it, new Resume.TimerFired());
    assertThat(it.outcome()).isEqualTo("next ");
  }

  @Test
  void anEventArrivingInTimeTakesNextWithItsData() {
    Interaction it = run(VARIABLES, """
        {"id": "w", "type": "wait", "config": {"seconds": 3600, "event": "customer-reply", "variable": "reply"}}, """ + ENDS, EDGES);
    assertThat(it.waiting().event()).isEqualTo("customer-reply");

    assertThat(engine.refusal(flow, it, new Resume.EventArrived("other", Map.of()))).get().extracting(Rejection::message)
        .asString().contains("waits for the event 'customer-reply', not 'other'");
    engine.resume(flow, it, new Resume.EventArrived("customer-reply", Map.of("text", "thanks")));

    assertThat(it.outcome()).isEqualTo("next {\"text\":\"thanks\"}");
  }

  @Test
  void anEventThatNeverComesTakesTimeout() {
    Interaction it = run(VARIABLES, """
        {"id": "w", "type": "wait", "config": {"seconds": 5, "event": "customer-reply"}}, """ + ENDS, EDGES);
    engine.clock().advanceSeconds(5);

    engine.resume(flow, it, new Resume.TimerFired());

    assertThat(it.status()).isEqualTo(InteractionStatus.completed);
    assertThat(it.outcome()).isEqualTo("timeout");
  }
}
