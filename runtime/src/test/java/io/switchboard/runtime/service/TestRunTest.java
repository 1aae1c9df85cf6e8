package io.switchboard.runtime.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.connector.DataStepCatalog;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.StepRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRunTest {
  private final TestRun.Factory runs = new TestRun.Factory(Engine.sandbox(), new DataStepCatalog(), new HttpFetcher(io.switchboard.runtime.connector.OutboundGuard.allowing("127.0.0.1")),
      new Engine().clock(), 1000);

  @Test
  void aDraftRunsWithSampleAnswersAndScriptInputAndSendsNothing() {
    TestRun run = runs.start(FlowJson.read(Engine.example("support-call")), "+48600", "+48225550100", Map.of(),
        Map.of("lookup", Map.of("name", "Ann", "email", "ann@example.com", "contract", Map.of("active", true))));

    assertThat(run.interaction().status()).isEqualTo(InteractionStatus.waiting);
    assertThat(run.interaction().waiting().kind()).as("first in the trigger's default queue, simulated")
        .isEqualTo(io.switchboard.runtime.node.Waiting.Kind.queue);
    assertThat(run.interaction().waiting().details()).containsEntry("queue", "support");
    run.acceptAsAgent();
    assertThat(run.interaction().agent()).isEqualTo(TestRun.TEST_AGENT);
    assertThat(run.interaction().waiting().details().get("prompt")).asString().startsWith("Good morning Ann");
    run.answer("continue", Map.of("problem", "no signal"));
    run.answer("solved", Map.of());

    assertThat(run.interaction().outcome()).isEqualTo("fixed");
    assertThat(run.steps()).extracting(StepRecord::nodeId).containsSubsequence("call", "lookup", "welcome", "troubleshoot",
        "send-fix", "done-fixed");
    assertThat(run.effects()).singleElement().isInstanceOf(Effect.OutboxMessage.class);
    int lookupSeq = run.steps().get(1).seq();
    assertThat(run.variablesBefore().get(lookupSeq)).containsEntry("customerName", null);
    assertThat(run.variablesBefore().get(lookupSeq + 1)).containsEntry("customerName", "Ann");
  }

  @Test
  void aSampleAnswerIsMappedByTheOutputsTheRegisteredStepDeclares() {
    DataStepCatalog catalog = new DataStepCatalog();
    HttpFetcher http = new HttpFetcher(io.switchboard.runtime.connector.OutboundGuard.strict());
    catalog.register("crm-customer", new io.switchboard.runtime.connector.HttpDataStep(new io.switchboard.runtime.connector
        .StepDefinition("crm-customer", "CRM", null, "GET", "https://crm.example.com/c", null, null, null, null,
        java.util.List.of(new io.switchboard.runtime.connector.StepDefinition.Output("tier", "string", "$.loyalty", null)),
        null, null, null, null, null), Engine.sandbox(), http));
    TestRun.Factory withStep = new TestRun.Factory(Engine.sandbox(), catalog, http, new Engine().clock(), 1000);

    TestRun run = withStep.start(FlowJson.read(Engine.example("priority-routing")), "+48600", "+48221234567", Map.of(),
        Map.of("n2", Map.of("loyalty", "gold")));

    assertThat(run.interaction().variables()).containsEntry("tier", "gold").containsEntry("loyalty", "gold");
  }
}
