package io.switchboard.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.Examples;
import io.switchboard.flow.analysis.VariableScope;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.steps.StepDirectory;
import io.switchboard.flow.steps.StepSignature;
import io.switchboard.flow.steps.StepSignature.Input;
import io.switchboard.flow.steps.StepSignature.Output;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The fetch node against the registry: the step exists, required inputs are given, outputs do not clash. */
class DataStepRuleTest {
  private static final StepSignature CRM = new StepSignature("crm-customer", "CRM customer",
      List.of(new Input("phone", "string", true, "+4930123"), new Input("expand", "string", false, null)),
      List.of(new Output("loyalty", "string", "$.loyalty"), new Output("customerName", "string", "$.name")));
  private static final StepSignature BILLING = new StepSignature("billing", "Billing account",
      List.of(), List.of(new Output("customerName", "string", "$.holder"), new Output("balance", "number", "$.balance")));

  private final FlowValidator validator = new FlowValidator(io.switchboard.flow.expr.ExpressionSyntax.LENIENT, StepDirectory.of(Map.of("crm-customer", CRM, "billing", BILLING)));

  private static ObjectNode priorityRouting() throws IOException {
    return (ObjectNode) FlowJson.readTree(Examples.read(Path.of("examples/priority-routing.json")));
  }

  private static ObjectNode fetchConfig(ObjectNode flow) {
    return (ObjectNode) flow.path("nodes").path(1).path("config");
  }

  private List<String> messages(ObjectNode flow) {
    return validator.validate(flow).problems().stream().map(p -> p.severity() + ": " + p.message()).toList();
  }

  @Test
  void aRegisteredStepWithItsRequiredInputsPasses() throws IOException {
    assertThat(messages(priorityRouting())).isEmpty();
  }

  @Test
  void aStepThatIsNotRegisteredIsAnError() throws IOException {
    ObjectNode flow = priorityRouting();
    fetchConfig(flow).put("step", "crm-contact");

    assertThat(validator.validate(flow).problems()).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/nodes/1/config/step");
      assertThat(p.nodeId()).isEqualTo("n2");
      assertThat(p.message()).isEqualTo("Loyalty from CRM: uses the data step 'crm-contact', which is not "
          + "registered; choose a registered step or ask an integrator to add it.");
    });
  }

  @Test
  void aMissingOrBlankRequiredInputIsAnErrorAndAnUnknownInputAWarning() throws IOException {
    ObjectNode flow = priorityRouting();
    ObjectNode input = (ObjectNode) fetchConfig(flow).path("input");
    input.put("phone", " ");
    input.put("fax", "{{ trigger.from }}");

    assertThat(messages(flow)).containsExactly(
        "error: Loyalty from CRM: fill in the input 'phone' that data step 'crm-customer' requires.",
        "warning: Loyalty from CRM: data step 'crm-customer' takes no input 'fax'; remove it.");
  }

  @Test
  void anOutputOfAnotherTypeThanTheDeclaredVariableIsAnErrorUnlessTheNodeMapsItItself() throws IOException {
    ObjectNode flow = priorityRouting();
    ((ObjectNode) flow.path("variables").path(0)).put("type", "number");
    fetchConfig(flow).remove("output");

    assertThat(messages(flow)).containsExactly("error: Loyalty from CRM: data step 'crm-customer' gives "
        + "'loyalty' as string, but the flow declares 'loyalty' as number; change the variable's type or map the answer "
        + "in this step.");

    fetchConfig(flow).putObject("output").put("loyalty", "$.tier.level");
    assertThat(messages(flow)).isEmpty();
  }

  @Test
  void aLaterStepThatReplacesWhatAnEarlierStepSetIsAWarning() throws IOException {
    ObjectNode flow = priorityRouting();
    ObjectNode billing = ((tools.jackson.databind.node.ArrayNode) flow.path("nodes")).addObject();
    billing.put("id", "n6").put("type", "fetch").put("label", "Billing").putObject("config").put("step", "billing");
    ObjectNode edge = ((tools.jackson.databind.node.ArrayNode) flow.path("edges")).addObject();
    edge.put("from", "n5").put("port", "connected").put("to", "n6");

    assertThat(messages(flow)).contains("warning: Billing: replaces 'customerName', which Loyalty from "
        + "CRM set before (data steps 'crm-customer' and 'billing' both give it).");
  }

  @Test
  void theStepsOutputsAreOfferedDownstreamAndCountAsDeclared() throws IOException {
    ObjectNode flow = priorityRouting();
    ((ObjectNode) flow.path("nodes").path(2).path("config").path("cases").path(0)).put("when",
        "customerName == 'Ann' || loyalty == 'gold'");
    var document = FlowJson.toDocument(flow);

    assertThat(VariableScope.availableAt(document, "n3", StepDirectory.of(Map.of("crm-customer", CRM))))
        .containsExactly("loyalty", "customerName");
    assertThat(messages(flow)).isEmpty();
  }
}
