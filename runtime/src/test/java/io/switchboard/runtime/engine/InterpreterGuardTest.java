package io.switchboard.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.node.Resume;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpreterGuardTest {
  private final Engine engine = new Engine();

  @Test
  void aRunawayLoopIsStoppedByTheGuard() {
    // the validator refuses such a flow before publishing; the guard is the runtime's own defence
    CompiledFlow flow = engine.compileUnchecked(TinyFlow.of("message", """
        [{"name": "n", "type": "number", "default": 0}]""", """
        {"id": "s", "type": "set", "config": {"assignments": {"n": "n + 1"}}},
        {"id": "b", "type": "branch", "config": {"cases": [{"port": "again", "when": "n < 1000000"}]}},
        {"id": "e", "type": "end"}""", """
        {"from": "t", "port": "next", "to": "s"}, {"from": "s", "port": "next", "to": "b"},
        {"from": "b", "port": "again", "to": "s"}, {"from": "b", "port": "else", "to": "e"}"""));
    Interaction it = engine.start(flow, "message", Map.of(), Map.of());

    assertThat(it.status()).isEqualTo(InteractionStatus.failed);
    assertThat(it.error().code()).isEqualTo(Failure.Code.loop_guard);
    assertThat(it.error().message()).contains("stopped after 100 automatic steps");
    assertThat(it.stepCount()).isEqualTo(100);
  }

  @Test
  void resumingAFinishedInteractionIsRefused() {
    CompiledFlow flow = engine.compile(TinyFlow.of("message", "[]", """
        {"id": "e", "type": "end"}""", """
        {"from": "t", "port": "next", "to": "e"}"""));
    Interaction it = engine.start(flow, "message", Map.of(), Map.of());

    assertThat(engine.refusal(flow, it, new Resume.TimerFired())).get()
        .satisfies(r -> assertThat(r.message()).contains("completed, not waiting"), r -> assertThat(r.conflict()).isTrue());
  }
}
