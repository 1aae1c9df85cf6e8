package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.engine.Interaction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailExecutorTest extends ExecutorTestSupport {
  private static final String NODES = """
      {"id": "m", "type": "email", "config": {"to": "{{ email }}", "subject": "Case {{ id }}\\nBcc: evil@x", "body": "Dear {{ name }}"}},
      {"id": "ok", "type": "end", "config": {"outcome": "sent"}},
      {"id": "ko", "type": "end", "config": {"outcome": "failed"}}""";
  private static final String EDGES = """
      {"from": "t", "port": "next", "to": "m"}, {"from": "m", "port": "sent", "to": "ok"}, {"from": "m", "port": "failed", "to": "ko"}""";
  private static final String VARIABLES = """
      [{"name": "email", "type": "string"}, {"name": "id", "type": "string"}, {"name": "name", "type": "string"}]""";

  @Test
  void queuesTheRenderedMessageInTheOutboxWithAnIdempotencyKey() {
    Interaction it = run("message", VARIABLES, NODES, EDGES, Map.of(),
        Map.of("email", "ann@example.com", "id", "C-1", "name", "Ann"));

    assertThat(it.outcome()).isEqualTo("sent");
    assertThat(engine.store.effects()).singleElement().isInstanceOfSatisfying(Effect.OutboxMessage.class, m -> {
      assertThat(m.kind()).isEqualTo("email");
      assertThat(m.payload()).containsEntry("to", "ann@example.com").containsEntry("body", "Dear Ann")
          .containsEntry("subject", "Case C-1 Bcc: evil@x");
      assertThat(m.idempotencyKey()).isEqualTo(it.id() + ":2");
    });
  }

  @Test
  void anInvalidRecipientTakesTheFailedPathWithAReasonAndQueuesNothing() {
    Interaction it = run("message", VARIABLES, NODES, EDGES, Map.of(), Map.of("email", "not an address", "id", "C-1", "name", "Ann"));

    assertThat(it.outcome()).isEqualTo("failed");
    assertThat(step(it, "m").error().message()).contains("'not an address' is not a valid e-mail address");
    assertThat(step(it, "m").error().code()).isEqualTo(io.switchboard.runtime.failure.Failure.Code.no_recipient);
    assertThat(engine.store.effects()).isEmpty();
  }
}
