package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.Interaction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerExecutorTest extends ExecutorTestSupport {
  @Test
  void startsTheFlowWithTheTriggerDataReadable() {
    Interaction it = run("email", "[]", """
        {"id": "e", "type": "end", "config": {"outcome": "{{ trigger.subject }} from {{ trigger.from }} via {{ interaction.channel }}"}}""",
        """
        {"from": "t", "port": "next", "to": "e"}""", Map.of("from", "ann@example.com", "subject", "Broken"), Map.of());

    assertThat(steps(it).getFirst().nodeId()).isEqualTo("t");
    assertThat(steps(it).getFirst().port()).isEqualTo("next");
    assertThat(it.outcome()).isEqualTo("Broken from ann@example.com via email");
  }
}
