package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.TinyFlow;
import io.switchboard.runtime.failure.Failure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteExecutorTest {
  private static final String ROUTE = TinyFlow.of("message", """
      [{"name": "tier", "type": "string"}, {"name": "manager", "type": "string"}]""", """
      {"id": "r", "type": "route", "config": {"queue": "support", "priority": "tier == 'gold' ? 8 : 2",
        "preferredAgent": "{{ manager }}", "skills": [{"skill": "product:router", "minLevel": 3}],
        "steps": [{"label": "Account manager", "seconds": 20, "preferredAgentOnly": true},
                  {"label": "Same region", "seconds": 60, "sameRegion": true},
                  {"label": "Anyone with the skill"}, {"label": "Overflow", "queue": "overflow", "skills": "ignored"}],
        "timeoutSeconds": 120}},
      {"id": "ok", "type": "end", "config": {"outcome": "served"}},
      {"id": "late", "type": "end", "config": {"outcome": "nobody in time"}},
      {"id": "none", "type": "end", "config": {"outcome": "nobody there"}}""", """
      {"from": "t", "port": "next", "to": "r"}, {"from": "r", "port": "connected", "to": "ok"},
      {"from": "r", "port": "timeout", "to": "late"}, {"from": "r", "port": "no-agents", "to": "none"}""");

  private List<QueueInfo.Member> signedIn = List.of();
  private final Engine engine = new Engine(new Engine.MutableClock(), queue -> queue.equals("support")
      ? Optional.of(new QueueInfo("support", 600, signedIn)) : Optional.empty());

  private Interaction start(CompiledFlow flow) {
    return engine.start(flow, "message", Map.of("from", "+48225550100"), Map.of("tier", "gold", "manager", "ann"));
  }

  @Test
  void statesItsRequirementsAsDataAndWaitsForTheRoutersAgent() {
    signedIn = List.of(new QueueInfo.Member("bob", Map.of("product:router", 4)));
    CompiledFlow flow = engine.compile(ROUTE);
    Interaction it = start(flow);

    assertThat(it.waiting().kind()).isEqualTo(Waiting.Kind.queue);
    assertThat(it.waiting().deadline()).isEqualTo(engine.clock().millis() + 120_000);
    assertThat(it.priority()).isEqualTo("8");
    assertThat(it.waiting().details()).containsEntry("queue", "support").containsEntry("regionHint", "+48225550100");
    @SuppressWarnings("unchecked")
    Map<String, Object> requirements = (Map<String, Object>) it.waiting().details().get("requirements");
    assertThat(requirements).containsEntry("preferredAgent", "ann");
    assertThat((List<?>) requirements.get("steps")).hasSize(4);
    assertThat(requirements.get("skills")).isEqualTo(List.of(Map.of("skill", "product:router", "minLevel", 3,
        "required", true)));

    engine.resume(flow, it, new Resume.AgentAssigned("bob", "offer-1", null));
    assertThat(it.status()).isEqualTo(InteractionStatus.completed);
    assertThat(it.agent()).isEqualTo("bob");
    assertThat(it.outcome()).isEqualTo("served");
  }

  @Test
  void nobodyAbleSignedInTakesNoAgentsAndTheTimeLimitTakesTimeout() {
    signedIn = List.of(new QueueInfo.Member("cid", Map.of("product:router", 2)));
    CompiledFlow flow = engine.compile(ROUTE.replace(", {\"label\": \"Overflow\", \"queue\": \"overflow\", \"skills\": \"ignored\"}", ""));
    assertThat(start(flow).outcome()).as("cid's level 2 is below 3").isEqualTo("nobody there");

    signedIn = List.of(new QueueInfo.Member("bob", Map.of("product:router", 3)));
    Interaction it = start(flow);
    engine.clock().advanceSeconds(120);
    engine.resume(flow, it, new Resume.TimerFired());
    assertThat(it.outcome()).isEqualTo("nobody in time");
    assertThat(it.error().code()).isEqualTo(Failure.Code.timeout);
  }

  @Test
  void anUnknownQueueFailsTheStepWithNoTarget() {
    CompiledFlow flow = engine.compile(ROUTE.replace("\"queue\": \"support\"", "\"queue\": \"nowhere\""));
    Interaction it = start(flow);
    assertThat(it.status()).isEqualTo(InteractionStatus.failed);
    assertThat(it.error().code()).isEqualTo(Failure.Code.no_target);
    assertThat(it.error().message()).contains("no queue 'nowhere'");
  }
}
