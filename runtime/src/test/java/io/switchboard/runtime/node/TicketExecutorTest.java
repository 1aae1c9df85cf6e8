package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketExecutorTest extends ExecutorTestSupport {
  @Test
  void createsACaseStoresItsIdAndCanAttachToItInTheSameRun() {
    Interaction it = run("message", """
        [{"name": "ticketId", "type": "string"}]""", """
        {"id": "c", "type": "ticket", "config": {"action": "create", "subject": "Problem of {{ trigger.from }}", "queue": "support"}},
        {"id": "a", "type": "ticket", "config": {"action": "update", "ticket": "{{ ticketId }}", "status": "open"}}""",
        """
        {"from": "t", "port": "next", "to": "c"}, {"from": "c", "port": "ok", "to": "a"}""",
        Map.of("from", "+48"), Map.of());

    assertThat(it.status()).isEqualTo(InteractionStatus.completed);
    String ticketId = (String) it.variables().get("ticketId");
    assertThat(engine.store.effects()).extracting(e -> ((Effect.TicketChange) e).action())
        .containsExactly(Effect.TicketChange.Action.create, Effect.TicketChange.Action.update);
    assertThat(((Effect.TicketChange) engine.store.effects().getFirst()).subject()).isEqualTo("Problem of +48");
    assertThat(((Effect.TicketChange) engine.store.effects().get(1)).ticketId()).isEqualTo(ticketId);
  }

  @Test
  void updatingAnUnknownCaseTakesTheErrorPort() {
    Interaction it = run("[]", """
        {"id": "a", "type": "ticket", "config": {"action": "attach", "ticket": "nope"}},
        {"id": "e", "type": "end", "config": {"outcome": "no case"}}""",
        """
        {"from": "t", "port": "next", "to": "a"}, {"from": "a", "port": "error", "to": "e"}""");

    assertThat(it.outcome()).isEqualTo("no case");
    assertThat(step(it, "a").port()).isEqualTo("error");
    assertThat(step(it, "a").error().message()).isEqualTo("case 'nope' does not exist");
    assertThat(step(it, "a").error().code()).isEqualTo(io.switchboard.runtime.failure.Failure.Code.not_found);
  }
}
