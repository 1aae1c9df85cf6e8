package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.node.ProviderInstruction;
import io.switchboard.runtime.node.Waiting;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ForwardExecutorTest extends ExecutorTestSupport {
  @ParameterizedTest
  @CsvSource({"sip, sip:{{ who }}@pbx.example.com, sip, sip:ann@pbx.example.com",
      "phone, +48{{ who.length }}, number, +483", "queue, q-{{ who }}, queue, q-ann", "agent, {{ who }}, agent, ann"})
  void recordsTheProviderInstructionAndHandsOnWhenNothingFollows(String kind, String value, String verb, String target) {
    Interaction it = run("voice", """
        [{"name": "who", "type": "string"}]""", """
        {"id": "f", "type": "forward", "config": {"target": {"kind": "%s", "value": "%s"}}}""".formatted(kind, value),
        """
        {"from": "t", "port": "next", "to": "f"}""", Map.of(), Map.of("who", "ann"));

    assertThat(it.status()).isEqualTo(InteractionStatus.completed);
    assertThat(it.instruction()).isEqualTo(new ProviderInstruction(ProviderInstruction.Verb.valueOf(verb), target, false));
    assertThat(it.outcome()).isEqualTo("forwarded to " + verb + " " + target);
  }

  @Test
  void onACallWhoseFlowContinuesItWaitsForTheCallStatus() {
    Interaction it = run("voice", "[]", """
        {"id": "f", "type": "forward", "config": {"target": {"kind": "phone", "value": "+48111"}, "timeoutSeconds": 30}},
        {"id": "ok", "type": "end", "config": {"outcome": "talked"}},
        {"id": "ko", "type": "end", "config": {"outcome": "missed"}}""",
        """
        {"from": "t", "port": "next", "to": "f"}, {"from": "f", "port": "connected", "to": "ok"}, {"from": "f", "port": "failed", "to": "ko"}""",
        Map.of(), Map.of());

    assertThat(it.waiting().kind()).isEqualTo(Waiting.Kind.call_status);
    assertThat(it.waiting().deadline()).isEqualTo(engine.clock().millis() + 30_000);
    assertThat(it.instruction().awaitStatus()).isTrue();

    engine.resume(flow, it, new Resume.CallStatus("busy"));
    assertThat(it.outcome()).isEqualTo("missed");
  }
}
