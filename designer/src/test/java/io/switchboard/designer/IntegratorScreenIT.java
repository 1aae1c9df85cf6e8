package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.switchboard.designer.CanvasActions.configure;
import static io.switchboard.designer.CanvasActions.connect;
import static io.switchboard.designer.CanvasActions.drop;
import static io.switchboard.designer.CanvasActions.newFlow;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.flow.json.FlowJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * An integrator registers a CRM lookup on the integrations screen, tests it against a real server
 * on loopback (after the admin allow-listed it), and a designer then drops it from the palette into
 * a flow that runs with the step's declared output.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:integrator;DB_CLOSE_DELAY=-1", "switchboard.admin.password=integrator-admin-pw"})
class IntegratorScreenIT {
  private static final String KEY = "sk-test-4d2c19";

  @RegisterExtension
  static final Browser BROWSER = new Browser();
  static final List<String> KEYS_SEEN = new CopyOnWriteArrayList<>();
  static final HttpServer CRM = crm();

  @Value("${local.server.port}")
  int port;
  @Autowired
  UserAccounts accounts;

  @AfterAll
  static void close() {
    CRM.stop(0);
  }

  private static HttpServer crm() {
    return LoopbackServer.start("/customers", exchange -> {
      String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
      KEYS_SEEN.add(String.valueOf(key));
      boolean known = KEY.equals(key);
      LoopbackServer.json(exchange, known ? 200 : 401,
          known ? "{\"tier\": \"gold\", \"name\": \"Ann Smith\"}" : "{\"error\": \"unknown key\"}");
    });
  }

  private Page signIn(String user, String password) {
    return BROWSER.signIn(port, user, password);
  }

  @org.junit.jupiter.api.BeforeEach
  void integrator() {
    try {
      accounts.create("ivy", "long-enough-pw", null, Set.of(Role.integrator, Role.designer));
    } catch (RuntimeException exists) {
      // made by the test that ran first
    }
  }

  @Test
  void anIntegratorRegistersAndTestsAStepThatADesignerThenUsesInAFlow() throws Exception {
    Page admin = signIn("admin", "integrator-admin-pw");
    admin.navigate("http://127.0.0.1:" + port + "/admin");
    admin.locator("#new-allow-entry input").fill("127.0.0.1");
    admin.locator("#add-allow-entry").click();
    assertThat(admin.locator("#allow-grid")).containsText("Added by Administrator");

    Page page = signIn("ivy", "long-enough-pw");
    page.navigate("http://127.0.0.1:" + port + "/integrations");
    page.locator("#new-step").click();
    page.locator("#step-id input").fill("crm-lookup");
    page.locator("#step-name input").fill("CRM lookup");
    page.locator("#step-url input").fill("http://127.0.0.1:" + CRM.getAddress().getPort() + "/customers/{{ input.phone }}");
    page.locator("#step-inputs-add").click();
    page.locator("#step-inputs-0-name input").fill("phone");
    page.locator("#step-inputs-0-required").click();
    page.locator("#step-inputs-0-example input").fill("+48600000001");
    page.locator("#step-outputs-add").click();
    page.locator("#step-outputs-0-variable input").fill("loyalty");
    page.locator("#step-outputs-0-path input").fill("$.tier");
    page.locator("#step-auth-kind").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("API key")).click();
    page.locator("#step-auth-name input").fill("X-Api-Key");
    page.locator("#step-auth-value input").fill(KEY);
    page.locator("#step-save").click();

    assertThat(page.locator("#step-heading")).hasText("CRM lookup");
    assertThat(page.locator("#step-details")).containsText("Version 1");
    assertThat(page.locator("#step-auth-value input")).hasValue("");
    assertThat(page.locator("#step-auth-value input")).hasAttribute("placeholder", "stored; type to replace");

    assertThat(page.locator("#test-input-phone input")).hasValue("+48600000001");
    page.locator("#step-test-run").click();
    assertThat(page.locator("#test-status")).hasText("HTTP 200");
    assertThat(page.locator("#test-request")).containsText("GET http://127.0.0.1:" + CRM.getAddress().getPort()
        + "/customers/%2B48600000001");
    assertThat(page.locator("#test-request")).containsText("X-Api-Key: [redacted]");
    assertThat(page.locator("#test-response")).containsText("Ann Smith");
    assertThat(page.locator("#test-outputs")).containsText("\"loyalty\": \"gold\"");
    assertThat(page.locator("#test-time")).containsText("ms");
    org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(KEY);
    org.assertj.core.api.Assertions.assertThat(KEYS_SEEN).containsExactly(KEY);

    newFlow(page, port, "Loyalty lookup", "loyalty-lookup");
    assertThat(page.locator(".sb-palette-item[data-type='fetch:crm-lookup']")).containsText("needs phone; gives loyalty");

    drop(page, "fetch:crm-lookup", 40, 40);
    drop(page, "end", 480, 40);
    page.locator(".react-flow__node[data-id='fetch1'] .sb-card-head").click();
    assertThat(page.locator("#step-info")).containsText("Needs: phone (required, e.g. +48600000001). Gives: loyalty (string).");
    // the caller's number fills the phone input: the dropped step starts without a missing-input error
    assertThat(page.locator("#node-form-input-0 textarea")).hasValue("{{ trigger.from }}");
    EditorPage.openTab(page, "problems");
    assertThat(page.locator("#flow-problems")).not().containsText("the input 'phone'");

    configure(page, "trigger", "Inbound call", "{\"channel\": \"voice\", \"address\": \"+48221119999\"}");
    configure(page, "fetch1", "CRM lookup", "{\"step\": \"crm-lookup\", \"input\": {\"phone\": \"{{ trigger.from }}\"}}");
    configure(page, "end1", "Done", "{\"outcome\": \"tier {{ loyalty }}\"}");
    connect(page, "trigger", "next", "fetch1");
    connect(page, "fetch1", "ok", "end1");
    connect(page, "fetch1", "error", "end1");
    // what the step gives is offered downstream
    page.locator(".react-flow__node[data-id='end1'] .sb-card-head").click();
    var outcome = page.locator("#node-form-outcome textarea");
    outcome.fill("");
    outcome.pressSequentially("tier {{ loy");
    assertThat(page.locator("#node-form-outcome .sb-suggestion")).hasText("loyalty");
    configure(page, "end1", "Done", "{\"outcome\": \"tier {{ loyalty }}\"}");
    assertThat(page.locator("#flow-state")).containsText("no errors");
    page.locator("#publish").click();
    assertThat(page.locator("#flow-state")).containsText("published v1");

    HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/interactions"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ivy:long-enough-pw".getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString("{\"flowId\": \"loyalty-lookup\", \"channel\": \"voice\", "
            + "\"from\": \"+48600000001\", \"to\": \"+48221119999\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    org.assertj.core.api.Assertions.assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    var interaction = FlowJson.readTree(started.body());
    org.assertj.core.api.Assertions.assertThat(interaction.path("variables").path("loyalty").asString()).isEqualTo("gold");
    org.assertj.core.api.Assertions.assertThat(interaction.path("outcome").asString()).isEqualTo("tier gold");
  }

  @Test
  void anOpenApiDocumentPastedInTheImportDialogBecomesAStepWithItsInputs() {
    String document = String.join("\n",
        "openapi: 3.0.3",
        "info: {title: Tickets, version: '1'}",
        "servers: [{url: 'https://tickets.example.com/v1'}]",
        "paths:",
        "  /tickets/{id}:",
        "    get:",
        "      operationId: getTicket",
        "      summary: One ticket",
        "      parameters: [{name: id, in: path, required: true, schema: {type: string, example: T-1}}]",
        "      responses:",
        "        '200': {description: ok, content: {application/json: {schema: {type: object, properties: "
            + "{status: {type: string}, subject: {type: string}}}}}}",
        "components:",
        "  securitySchemes:",
        "    token: {type: http, scheme: bearer}");
    Page page = signIn("ivy", "long-enough-pw");
    page.navigate("http://127.0.0.1:" + port + "/integrations");
    page.locator("#import-openapi").click();
    page.locator("#openapi-document textarea").fill(document);
    page.locator("#openapi-read").click();
    assertThat(page.locator("#openapi-notes")).containsText("Tickets: 1 operation.");
    assertThat(page.locator("#openapi-notes")).containsText("bearer authentication");
    assertThat(page.locator("#openapi-operations").getByText("GET /tickets/{id} — One ticket")).isVisible();
    assertThat(page.locator("#openapi-base-url input")).hasValue("https://tickets.example.com/v1");
    page.locator("#openapi-auth-value input").fill("tok-imported-31");
    page.locator("#openapi-create").click();

    assertThat(page.locator("#step-heading")).hasText("Get ticket");
    assertThat(page.locator("#step-id input")).hasValue("get-ticket");
    assertThat(page.locator("#step-url input")).hasValue("https://tickets.example.com/v1/tickets/{{ input.id }}");
    assertThat(page.locator("#step-inputs-0-name input")).hasValue("id");
    assertThat(page.locator("#step-outputs-1-variable input")).hasValue("subject");
    assertThat(page.locator("#step-auth-value input")).hasAttribute("placeholder", "stored; type to replace");
    org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("tok-imported-31");
  }

  @Autowired
  io.switchboard.runtime.service.DataStepService dataSteps;

  @Test
  void pickingAStepInAFetchNodeLaysOutItsInputsAndHidesTheInlineRequest() {
    if (dataSteps.find("billing-account").isEmpty()) {
      dataSteps.create(FlowJson.readTree("{\"id\": \"billing-account\", \"name\": \"Billing account\", "
          + "\"url\": \"https://billing.example.com/accounts/{{ input.account }}\", "
          + "\"inputs\": [{\"name\": \"account\", \"required\": true}]}"), "ivy");
    }
    Page page = signIn("ivy", "long-enough-pw");
    newFlow(page, port, "Billing check", "billing-check");
    drop(page, "fetch", 40, 40);
    page.locator(".react-flow__node[data-id='fetch1'] .sb-card-head").click();
    assertThat(page.locator("#node-form-request")).isVisible();
    assertThat(page.locator("#node-form-input")).hasCount(0);

    page.locator("#node-form-step input").fill("Billing");
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(
        java.util.regex.Pattern.compile("Billing account \\(billing-account\\) · needs account$"))).click();

    // the step's input is a field of its own, labelled by the input's name, with what the step says of it
    assertThat(page.locator("#node-form-input-0 label")).containsText("Account");
    assertThat(page.locator("#node-form-input-0")).containsText("The data step needs this.");
    assertThat(page.locator("#node-form-request")).hasCount(0);
    assertThat(page.locator("#node-form-timeoutMs")).hasCount(0);
    assertThat(page.locator("#step-info")).containsText("Needs: account (required)");
    EditorPage.openTab(page, "problems");
    assertThat(page.locator("#flow-problems")).containsText("Fill in the input 'account'");
  }
}
