package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndExecutorTest extends ExecutorTestSupport {
  @Test
  void completesWithTheRenderedOutcome() {
    Interaction it = run("message", "[]", """
        {"id": "e", "type": "end", "config": {"outcome": "done for {{ trigger.from }}"}}""",
        """
        {"from": "t", "port": "next", "to": "e"}""", Map.of("from", "+4812"), Map.of());

    assertThat(it.status()).isEqualTo(InteractionStatus.completed);
    assertThat(it.outcome()).isEqualTo("done for +4812");
    assertThat(step(it, "e").port()).isNull();
  }

  @Test
  void anUnconnectedPathCompletesTheInteractionThere() {
    Interaction it = run("[]", """
        {"id": "e", "type": "end"}""", "");

    assertThat(it.status()).isEqualTo(InteractionStatus.completed);
    assertThat(steps(it)).hasSize(1);
  }
}
