package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.node.Waiting;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScriptExecutorTest extends ExecutorTestSupport {
  private Interaction it;

  @BeforeEach
  void startAtTheScript() {
    it = run("voice", """
        [{"name": "name", "type": "string"}, {"name": "problem", "type": "string"}, {"name": "age", "type": "number"},
         {"name": "vip", "type": "boolean"}]""", """
        {"id": "s", "type": "script", "config": {"prompt": "Hello {{ name }}", "answers": [
            {"port": "yes", "label": "Solved"}, {"port": "no", "label": "Not solved"}],
          "fields": [{"variable": "problem", "label": "Problem", "required": true},
                     {"variable": "age", "label": "Age", "type": "number"},
                     {"variable": "vip", "label": "VIP", "type": "boolean"}]}},
        {"id": "y", "type": "end", "config": {"outcome": "solved"}},
        {"id": "n", "type": "end", "config": {"outcome": "{{ problem }} at {{ age }}"}}""",
        """
        {"from": "t", "port": "next", "to": "s"}, {"from": "s", "port": "yes", "to": "y"}, {"from": "s", "port": "no", "to": "n"}""",
        Map.of(), Map.of("name", "Ann"));
  }

  @Test
  void waitsForTheAgentShowingPromptAnswersAndFields() {
    assertThat(it.status()).isEqualTo(InteractionStatus.waiting);
    Waiting waiting = it.waiting();
    assertThat(waiting.nodeId()).isEqualTo("s");
    assertThat(waiting.kind()).isEqualTo(Waiting.Kind.agent_answer);
    assertThat(waiting.details()).containsEntry("prompt", "Hello Ann");
    assertThat(waiting.details().get("answers").toString()).contains("yes", "Not solved");
  }

  @Test
  void theAnswerPicksThePathAndTheFieldsBecomeVariables() {
    engine.resume(flow, it, new Resume.AgentAnswer("s", "no", Map.of("problem", "no signal", "age", "42")));

    assertThat(it.status()).isEqualTo(InteractionStatus.completed);
    assertThat(it.outcome()).isEqualTo("no signal at 42");
    assertThat(step(it, "s").port()).isEqualTo("no");
    assertThat(step(it, "s").changes()).containsEntry("problem", "no signal").containsEntry("age", 42.0);
  }

  @Test
  void wrongAnswersAndFieldsAreRefusedWithoutChangingAnything() {
    int steps = it.stepCount();
    assertThat(engine.refusal(flow, it, new Resume.AgentAnswer("s", "maybe", Map.of("problem", "x")))).get().extracting(Rejection::message).asString().contains("'maybe' is not an answer");
    assertThat(engine.refusal(flow, it, new Resume.AgentAnswer("s", "yes", Map.of()))).get().extracting(Rejection::message).asString().contains("'Problem' (problem) is required");
    assertThat(engine.refusal(flow, it, new Resume.AgentAnswer("s", "yes", Map.of("problem", "x", "age", "old")))).get().extracting(Rejection::message).asString().contains("needs a number");
    assertThat(engine.refusal(flow, it, new Resume.AgentAnswer("s", "yes", Map.of("problem", "x", "shoe", 1)))).get().extracting(Rejection::message).asString().contains("'shoe' is not a field");
    assertThat(engine.refusal(flow, it, new Resume.TimerFired())).get().extracting(Rejection::message).asString().contains("agent's answer");

    assertThat(it.status()).isEqualTo(InteractionStatus.waiting);
    assertThat(it.stepCount()).isEqualTo(steps);
    assertThat(it.variables()).containsEntry("problem", null);
  }

  @Test
  void aNumberFieldTakesOnlyAFiniteDecimalNumber() {
    for (Object notANumber : new Object[] {"NaN", "Infinity", "-Infinity", "0x10", "0x1p3", "1e999", "12d", "1f", "1,5",
        "--1", Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThat(engine.refusal(flow, it, new Resume.AgentAnswer("s", "yes", Map.of("problem", "x", "age", notANumber))))
          .as("age %s", notANumber).get().extracting(Rejection::message).asString().contains("'Age' needs a number");
    }
    assertThat(it.variables()).containsEntry("age", null);

    engine.resume(flow, it, new Resume.AgentAnswer("s", "no", Map.of("problem", "x", "age", " -4.5e1 ")));

    assertThat(step(it, "s").changes()).containsEntry("age", -45.0);
  }

  @Test
  void aBooleanFieldTakesOnlyTrueOrFalse() {
    for (Object notABoolean : new Object[] {"yes", "1", "TRUE", "False", 1, "NaN"}) {
      assertThat(engine.refusal(flow, it, new Resume.AgentAnswer("s", "yes", Map.of("problem", "x", "vip", notABoolean))))
          .as("vip %s", notABoolean).get().extracting(Rejection::message).asString().contains("'VIP' needs true or false");
    }

    engine.resume(flow, it, new Resume.AgentAnswer("s", "no", Map.of("problem", "x", "age", "7", "vip", "true")));

    assertThat(step(it, "s").changes()).containsEntry("age", 7.0).containsEntry("vip", true);
  }

  @Test
  void anEmptyOptionalNumberIsLeftUnsetAndNeverStoredAsText() {
    engine.resume(flow, it, new Resume.AgentAnswer("s", "no", Map.of("problem", "x", "age", "  ")));

    assertThat(it.status()).isEqualTo(InteractionStatus.completed);
    assertThat(it.variables()).containsEntry("age", null);
  }
}
