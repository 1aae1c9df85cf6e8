package io.switchboard.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Result;
import io.switchboard.runtime.node.ProviderInstruction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorityRoutingScenarioTest {
  private final Engine engine = new Engine();

  @Test
  void goldCallerIsDialledToTheVipSipAddressAndTheWholePathIsLogged() {
    engine.dataSteps.register("crm-customer", input -> Result.ok(Map.of("loyalty", "+48600000001".equals(input.get("phone")) ? "gold" : "basic")));
    CompiledFlow flow = engine.compile(Engine.example("priority-routing"));

    Interaction call = engine.start(flow, "voice", Map.of("from", "+48600000001", "to", "+48221234567"), Map.of());

    assertThat(call.status()).isEqualTo(InteractionStatus.completed);
    assertThat(call.instruction()).isEqualTo(new ProviderInstruction(ProviderInstruction.Verb.sip, "sip:vip@pbx.example.com", false));
    assertThat(call.variables()).containsEntry("loyalty", "gold");
    assertThat(engine.store.steps(call.id())).extracting(StepRecord::nodeId, StepRecord::port).containsExactly(
        org.assertj.core.groups.Tuple.tuple("n1", "next"), org.assertj.core.groups.Tuple.tuple("n2", "ok"),
        org.assertj.core.groups.Tuple.tuple("n3", "vip"), org.assertj.core.groups.Tuple.tuple("n4", "connected"));
    assertThat(engine.store.steps(call.id()).get(1).changes()).containsEntry("loyalty", "gold");
  }

  @Test
  void otherCallersGoToTheRegularQueue() {
    engine.dataSteps.register("crm-customer", input -> Result.ok(Map.of("loyalty", "silver")));
    CompiledFlow flow = engine.compile(Engine.example("priority-routing"));

    Interaction call = engine.start(flow, "voice", Map.of("from", "+48600000002"), Map.of());

    assertThat(call.instruction()).isEqualTo(new ProviderInstruction(ProviderInstruction.Verb.queue, "regular", false));
  }

  @Test
  void aFailingLookupTakesTheErrorPathToTheRegularQueueWithTheErrorLogged() {
    engine.dataSteps.register("crm-customer", input -> Result.err(Failure.of(Failure.Code.http_status,
        "data step 'crm-customer': the server answered HTTP 404").with("status", 404)));
    CompiledFlow flow = engine.compile(Engine.example("priority-routing"));

    Interaction call = engine.start(flow, "voice", Map.of("from", "+48600000003"), Map.of());

    assertThat(call.instruction().target()).isEqualTo("regular");
    StepRecord lookup = engine.store.steps(call.id()).get(1);
    assertThat(lookup.port()).isEqualTo("error");
    assertThat(lookup.error().message()).contains("HTTP 404");
    assertThat(lookup.error().code()).isEqualTo(Failure.Code.http_status);
    assertThat(lookup.error().details()).containsEntry("status", 404);
  }
}
