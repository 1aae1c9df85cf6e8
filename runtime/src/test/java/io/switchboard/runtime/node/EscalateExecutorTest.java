package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.engine.Interaction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscalateExecutorTest extends ExecutorTestSupport {
  @Test
  void raisesPriorityReassignsAndRaisesAnAlert() {
    Interaction it = run("message", """
        [{"name": "customer", "type": "string"}]""", """
        {"id": "x", "type": "escalate", "config": {"priority": "urgent", "queue": "second-line",
          "alert": {"message": "Urgent: {{ customer }}", "severity": "critical"}}}""",
        """
        {"from": "t", "port": "next", "to": "x"}""", Map.of(), Map.of("customer", "ACME"));

    assertThat(it.priority()).isEqualTo("urgent");
    assertThat(it.queue()).isEqualTo("second-line");
    assertThat(engine.store.effects()).singleElement().isInstanceOfSatisfying(Effect.Alert.class, alert -> {
      assertThat(alert.message()).isEqualTo("Urgent: ACME");
      assertThat(alert.severity()).isEqualTo("critical");
      assertThat(alert.queue()).isEqualTo("second-line");
    });
    assertThat(step(it, "x").port()).isEqualTo("next");
  }
}
