package io.switchboard.runtime.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.connector.StepAuth;
import io.switchboard.runtime.connector.StepDefinition;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.connector.OutboundGuard;
import io.switchboard.runtime.service.DataStepDefinitions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample CRM document in the test resources turned into data steps, without any network. */
class OpenApiImporterTest {
  private final OpenApiImporter importer = new OpenApiImporter();
  private static final StepAuth.Definition KEY = new StepAuth.Definition("api-key", "X-Api-Key", "header", "k-1", null, null,
      null, null, null, null);

  private static String crm() throws IOException {
    try (InputStream in = OpenApiImporterTest.class.getResourceAsStream("/openapi/crm.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theDocumentsOperationsServersAndAuthenticationAreListed() throws IOException {
    OpenApiImporter.Contents contents = importer.read(crm());

    assertThat(contents.title()).isEqualTo("Acme CRM");
    assertThat(contents.servers()).containsExactly("https://crm.acme.example/api/v2");
    assertThat(contents.operations()).extracting(OpenApiImporter.Operation::key)
        .containsExactly("GET /customers/{customer-id}", "GET /customers", "POST /tickets");
    assertThat(contents.operations().getFirst().summary()).isEqualTo("Customer by id");
    assertThat(contents.auth()).isEqualTo(new StepAuth.Definition("api-key", "X-Api-Key", "header", null, null, null, null,
        null, null, null));
  }

  @Test
  void aPathOperationBecomesAStepWithInputsFromItsParametersAndOutputsFromItsResponse() throws IOException {
    StepDefinition step = importer.steps(crm(), List.of("GET /customers/{customer-id}"), "https://crm.acme.example/api/v2/",
        KEY).getFirst();

    assertThat(step.id()).isEqualTo("get-customer");
    assertThat(step.name()).isEqualTo("Get customer");
    assertThat(step.description()).isEqualTo("One customer with loyalty tier and contract.");
    assertThat(step.url()).isEqualTo("https://crm.acme.example/api/v2/customers/{{ input.customer_id }}");
    assertThat(step.query()).containsExactly(java.util.Map.entry("expand", "{{ input.expand }}"));
    assertThat(step.headers()).containsOnlyKeys("X-Request-Id");
    assertThat(step.inputs()).containsExactly(
        new StepDefinition.Input("customer_id", "string", true, "C-1001", "The CRM's customer number"),
        new StepDefinition.Input("expand", "string", false, null, null),
        new StepDefinition.Input("X_Request_Id", "string", false, null, null));
    assertThat(step.outputs()).extracting(o -> o.variable() + ":" + o.type() + ":" + o.path()).containsExactly(
        "name:string:$.name", "tier:string:$.tier", "active:boolean:$.active", "orders:number:$.orders",
        "contract:object:$.contract", "e_mail:string:$['e-mail']");
    assertThat(step.auth()).isEqualTo(KEY);
  }

  @Test
  void anArrayAnswerMapsItsFirstItemAndABodyBecomesAJsonTemplate() throws IOException {
    List<StepDefinition> steps = importer.steps(crm(), List.of("GET /customers", "POST /tickets"), "https://crm.acme.example",
        StepAuth.Definition.NONE);

    StepDefinition search = steps.get(0);
    assertThat(search.inputs()).extracting(i -> i.name() + ":" + i.type() + ":" + i.required() + ":" + i.example())
        .containsExactly("phone:string:true:+48600000001", "limit:number:false:5");
    assertThat(search.outputs().getFirst().path()).isEqualTo("$[0].name");
    StepDefinition ticket = steps.get(1);
    assertThat(search.name()).isEqualTo("Find customers");
    assertThat(search.description()).isEqualTo("Search customers by phone");
    assertThat(ticket.id()).isEqualTo("post-tickets");
    assertThat(ticket.name()).isEqualTo("Open a ticket");
    assertThat(ticket.method()).isEqualTo("POST");
    assertThat(ticket.body()).isEqualTo("{\"subject\": \"{{ input.subject }}\", \"priority\": {{ input.priority }}, "
        + "\"customerId\": \"{{ input.customerId }}\"}");
    assertThat(ticket.inputs()).extracting(i -> i.name() + ":" + i.required())
        .containsExactly("subject:true", "priority:false", "customerId:false");
    assertThat(ticket.outputs()).extracting(StepDefinition.Output::variable).containsExactly("id", "status");
  }

  @Test
  void everyImportedStepPassesTheRegistrysChecks() throws IOException {
    DataStepDefinitions definitions = new DataStepDefinitions(Engine.sandbox(), new HttpFetcher(OutboundGuard.strict()),
        java.time.Clock.systemUTC());
    for (StepDefinition step : importer.steps(crm(), importer.read(crm()).operations().stream()
        .map(OpenApiImporter.Operation::key).toList(), "https://crm.acme.example", KEY)) {
      definitions.check(definitions.parse(FlowJson.mapper().valueToTree(step)));
    }
  }

  @Test
  void textThatIsNotAnOpenApi3DocumentOrAnUnknownOperationIsRefusedClearly() throws IOException {
    assertThatThrownBy(() -> importer.read("swagger: '2.0'\ninfo: {title: old, version: '1'}\npaths: {}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("this is not an OpenAPI 3 document");
    assertThatThrownBy(() -> importer.read("not: [valid")).hasMessageStartingWith("this is not an OpenAPI 3 document");
    assertThatThrownBy(() -> importer.steps(crm(), List.of("DELETE /customers"), "https://x", StepAuth.Definition.NONE))
        .hasMessage("the document has no operation 'DELETE /customers'");
  }
}
