package io.switchboard.designer.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.node.Effect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRunSentencesTest {
  private final TestRunSentences sentences = new TestRunSentences(FlowJson.toDocument(FlowJson.readTree("""
      {"format": "switchboard.flow/1", "id": "f", "name": "F", "nodes": [
        {"id": "n1", "type": "trigger", "label": "Inbound call", "config": {"channel": "voice"}},
        {"id": "n2", "type": "email", "config": {}},
        {"id": "n3", "type": "forward", "label": "Regular line", "config": {"target": {"kind": "phone", "value": "+4822"}}}],
       "edges": []}""")));

  @Test
  void stepsAreNamedByTheirLabelElseTheirType() {
    assertThat(sentences.label("n1")).isEqualTo("Inbound call");
    assertThat(sentences.label("n2")).isEqualTo("email");
    assertThat(sentences.label("gone")).isEqualTo("gone");
  }

  @Test
  void timesReadInMillisecondsAndFailuresWithTheirCodeFirst() {
    assertThat(TestRunSentences.duration(400_000)).isEqualTo("0.4 ms");
    assertThat(TestRunSentences.duration(12_340_000)).isEqualTo("12.3 ms");
    assertThat(TestRunSentences.duration(20_000)).isEqualTo("< 0.1 ms");
    assertThat(TestRunSentences.failure(Failure.of(Failure.Code.refused_by_guard, "refused to call 10.0.0.1")))
        .isEqualTo("refused_by_guard — refused to call 10.0.0.1");
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("customerName", "Ann");
    changes.put("tries", 2);
    assertThat(TestRunSentences.changes(changes)).isEqualTo("customerName = \"Ann\", tries = 2");
  }

  @Test
  void whatARunOnlyPretendsToDoIsMarkedSimulated() {
    Interaction interaction = new Interaction("i1", "f", 0, "voice", Map.of(), Map.of(), 0L);
    StepRecord email = new StepRecord(2, "n2", "email", "sent", 0, 1000, Map.of(), null, List.of(
        new Effect.OutboxMessage("m1", "email", Map.of("to", "ann@example.com"), "k"),
        new Effect.AgentAssigned("o1", "test-agent")));
    StepRecord forward = new StepRecord(3, "n3", "forward", "connected", 0, 1000, Map.of(), null, List.of());
    assertThat(sentences.simulated(email, interaction)).containsExactly("e-mail to ann@example.com (simulated)");
    assertThat(sentences.simulated(forward, interaction)).containsExactly("forward to number +4822 (simulated)");
  }
}
