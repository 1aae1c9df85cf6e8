package io.switchboard.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.connector.LocalHttpServer;
import io.switchboard.runtime.engine.Engine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The integrators' API against a real CRM on loopback: steps stored with versions and history,
 * secrets sealed at rest and never shown, tests that show what was sent, steps a published flow
 * uses kept from deletion, the admin's allow-list applied at once. Logging runs at DEBUG for the
 * application and Spring's web layer, so that a secret a framework logs would be caught.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:datasteps;DB_CLOSE_DELAY=-1",
        "logging.level.io.switchboard=DEBUG", "logging.level.org.springframework.web=DEBUG"})
class DataStepApiIT {
  private static final String API_KEY = "sk-live-7f3a9c1e5b";
  private static final String NEW_KEY = "sk-live-rotated-22";
  private static final LocalHttpServer CRM;
  private static final List<String> KEYS_SEEN = new CopyOnWriteArrayList<>();

  static {
    try {
      CRM = new LocalHttpServer();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    CRM.answer(x -> {
      String key = x.getRequestHeaders().getFirst("X-Api-Key");
      KEYS_SEEN.add(String.valueOf(key));
      if (x.getRequestURI().getPath().endsWith(".html")) {
        LocalHttpServer.respond(x, 200, "text/html; charset=utf-8", "<html>sign in</html>");
        return;
      }
      if (key == null || !key.startsWith("sk-live")) {
        LocalHttpServer.respond(x, 401, "application/json", "{\"error\": \"bad key " + key + "\"}");
        return;
      }
      // a careless server that echoes the key back
      LocalHttpServer.respond(x, 200, "application/json", "{\"name\": \"Ann Smith\", \"tier\": \"gold\", \"echo\": \""
          + key + "\", \"query\": \"" + x.getRequestURI().getRawQuery() + "\"}");
    });
  }

  @Value("${local.server.port}")
  int port;
  @Autowired
  DSLContext dsl;
  Api api;

  @AfterAll
  static void stop() {
    CRM.close();
  }

  @BeforeEach
  void client() {
    api = new Api(port);
    api.post("/api/admin/outbound-allow-list", Map.of("entry", "127.0.0.1"));
  }

  private Map<String, Object> crmStep(String id, String key) {
    return Map.of("id", id, "name", "CRM customer", "description", "Looks a caller up by phone number",
        "url", CRM.url("/customers/{{ input.phone }}"), "query", Map.of("expand", "{{ input.expand }}"),
        "inputs", List.of(Map.of("name", "phone", "required", true, "example", "+48 600 000 001"),
            Map.of("name", "expand", "type", "string")),
        "outputs", List.of(Map.of("variable", "customerName", "path", "$.name"),
            Map.of("variable", "loyalty", "path", "$.tier"), Map.of("variable", "echoed", "path", "$.echo")),
        "timeoutMs", 2000, "retry", Map.of("maxAttempts", 2, "backoffMs", 10),
        "auth", Map.of("kind", "api-key", "name", "X-Api-Key", "in", "header", "value", key));
  }

  @Test
  void aStepIsStoredWithItsSecretSealedAndIsShownWithoutIt() {
    Api.Answer created = api.post("/api/data-steps", crmStep("crm-sealed", API_KEY));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode view = created.json();
    assertThat(view.path("version").asInt()).isEqualTo(1);
    assertThat(view.path("secretsStored").toString()).isEqualTo("[\"value\"]");
    assertThat(view.path("definition").path("auth").path("name").asString()).isEqualTo("X-Api-Key");
    assertThat(view.path("definition").path("auth").has("value")).isFalse();
    String row = dsl.fetchOne("select definition || ' ' || secrets from data_step where id = 'crm-sealed'").get(0, String.class);
    assertThat(row).doesNotContain(API_KEY).contains("X-Api-Key");
    assertThat(api.get("/api/data-steps/crm-sealed").body()).doesNotContain(API_KEY);
    assertThat(api.get("/api/data-steps").body()).contains("crm-sealed").doesNotContain(API_KEY);
  }

  @Test
  void anEditWithoutTheSecretKeepsItAndEveryChangeIsInTheHistoryWithWhoAndWhat() {
    api.post("/api/data-steps", crmStep("crm-edit", API_KEY));
    Map<String, Object> edited = new java.util.LinkedHashMap<>(crmStep("crm-edit", API_KEY));
    edited.put("timeoutMs", 3000);
    edited.put("auth", Map.of("kind", "api-key", "name", "X-Api-Key", "in", "header"));

    Api.Answer updated = api.put("/api/data-steps/crm-edit", io.switchboard.flow.json.FlowJson.compact(edited), "If-Match", "1");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().path("version").asInt()).isEqualTo(2);
    assertThat(updated.json().path("secretsStored").toString()).isEqualTo("[\"value\"]");
    Api.Answer stale = api.put("/api/data-steps/crm-edit", io.switchboard.flow.json.FlowJson.compact(edited), "If-Match", "1");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().path("error").asString()).contains("changed by someone else");

    KEYS_SEEN.clear();
    JsonNode test = api.post("/api/data-steps/crm-edit/test", Map.of("inputs", Map.of("phone", "+48600"))).json();
    assertThat(test.path("status").asInt()).isEqualTo(200);
    assertThat(KEYS_SEEN).containsExactly(API_KEY);

    edited.put("auth", Map.of("kind", "api-key", "name", "X-Api-Key", "in", "header", "value", NEW_KEY));
    api.put("/api/data-steps/crm-edit", io.switchboard.flow.json.FlowJson.compact(edited));
    JsonNode history = api.get("/api/data-steps/crm-edit/history").json();
    assertThat(history.size()).isEqualTo(3);
    assertThat(history.get(0).path("changes").asString()).isEqualTo("auth secret");
    assertThat(history.get(1).path("changes").asString()).isEqualTo("timeoutMs");
    assertThat(history.get(2).path("action").asString()).isEqualTo("created");
    assertThat(history.get(2).path("changedBy").isNull()).isTrue();
    assertThat(history.toString()).doesNotContain(API_KEY).doesNotContain(NEW_KEY);
  }

  @Test
  void anInvalidStepIsRefusedWithEveryProblemNamedAndNothingIsStored() {
    Map<String, Object> broken = new java.util.LinkedHashMap<>(crmStep("crm-broken", API_KEY));
    broken.put("url", "ftp://crm/{{ input.phone }}");
    Api.Answer schema = api.post("/api/data-steps", broken);
    assertThat(schema.status()).isEqualTo(400);
    assertThat(schema.json().path("problems").get(0).path("pointer").asString()).isEqualTo("/url");

    broken.put("url", CRM.url("/customers/{{ input.phone }}/{{ input.account }}"));
    broken.put("auth", Map.of("kind", "bearer"));
    broken.put("outputs", List.of(Map.of("variable", "a", "path", "$.x"), Map.of("variable", "a", "path", "$.y")));
    Api.Answer semantic = api.post("/api/data-steps", broken);
    assertThat(semantic.status()).isEqualTo(400);
    assertThat(semantic.json().path("problems").findValuesAsString("message")).containsExactly(
        "the output variable 'a' is named twice",
        "'url' uses input.account, which is not a declared input; add it to the inputs",
        "'auth/value' is needed for bearer authentication");
    assertThat(api.get("/api/data-steps/crm-broken").status()).isEqualTo(404);
  }

  @Test
  void theTestShowsTheRequestSentStatusRawAnswerOutputsAndTimeWithSecretsRedacted() {
    api.post("/api/data-steps", crmStep("crm-test", API_KEY));

    Api.Answer answer = api.post("/api/data-steps/crm-test/test", Map.of("inputs", Map.of("expand", "orders")));

    JsonNode test = answer.json();
    assertThat(test.path("request").path("method").asString()).isEqualTo("GET");
    assertThat(test.path("request").path("url").asString())
        .isEqualTo(CRM.url("/customers/%2B48%20600%20000%20001?expand=orders"));
    assertThat(test.path("request").path("headers").path("X-Api-Key").asString()).isEqualTo("[redacted]");
    assertThat(test.path("status").asInt()).isEqualTo(200);
    assertThat(test.path("response").asString()).contains("\"name\": \"Ann Smith\"").contains("[redacted]");
    assertThat(test.path("outputs").path("customerName").asString()).isEqualTo("Ann Smith");
    assertThat(test.path("outputs").path("echoed").asString()).isEqualTo("[redacted]");
    assertThat(test.path("millis").asLong()).isNotNegative();
    assertThat(answer.body()).doesNotContain(API_KEY);
  }

  @Test
  void anUnsavedDefinitionCanBeTestedAndA4xxIsShownAsTheReason() {
    Map<String, Object> draft = new java.util.LinkedHashMap<>(crmStep("crm-draft", "wrong-key"));

    JsonNode test = api.post("/api/data-steps/test", Map.of("definition", draft, "inputs", Map.of())).json();

    assertThat(test.path("status").asInt()).isEqualTo(401);
    assertThat(test.path("error").asString()).isEqualTo("data step 'crm-draft': the server answered HTTP 401");
    assertThat(test.path("response").asString()).isEqualTo("{\"error\": \"bad key [redacted]\"}");
  }

  @Test
  void aFlowCallsTheStepAndItsOutputsAndStepLogCarryNoSecret(CapturedOutput output) {
    api.post("/api/data-steps", crmStep("crm-flow", API_KEY));
    String flow = Engine.example("priority-routing").replace("\"priority-routing\"", "\"uses-crm\"")
        .replace("\"+48221234567\"", "\"+48220000077\"").replace("\"crm-customer\"", "\"crm-flow\"")
        .replace("\"loyalty\": \"$.loyalty\"", "\"loyalty\": \"$.tier\"");
    api.publish(flow);

    JsonNode started = api.post("/api/interactions", Map.of("flowId", "uses-crm", "channel", "voice", "from", "+48600",
        "to", "+48220000077")).json();

    assertThat(started.path("variables").path("loyalty").asString()).isEqualTo("gold");
    assertThat(started.path("variables").path("customerName").asString()).isEqualTo("Ann Smith");
    assertThat(started.path("variables").path("echoed").asString()).isEqualTo("[redacted]");
    JsonNode steps = api.get("/api/interactions/" + started.path("id").asString()).json().path("steps");
    assertThat(steps.toString()).contains("\"nodeId\":\"n2\"").contains("[redacted]").doesNotContain(API_KEY);
    assertThat(output.getAll()).contains("data step 'crm-flow' saved").doesNotContain(API_KEY);
    assertThat(api.bodies()).noneMatch(body -> body.contains(API_KEY));
  }

  @Test
  void aStepAPublishedFlowUsesCannotBeDeletedAndTheRefusalNamesTheFlow() {
    api.post("/api/data-steps", crmStep("crm-used", API_KEY));
    String flow = Engine.example("priority-routing").replace("\"priority-routing\"", "\"vip-line\"")
        .replace("\"Priority routing\"", "\"VIP line\"").replace("\"+48221234567\"", "\"+48220000088\"")
        .replace("\"crm-customer\"", "\"crm-used\"");
    api.publish(flow);

    Api.Answer refused = api.delete("/api/data-steps/crm-used");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("error").asString()).isEqualTo("the data step 'crm-used' is used by published flows: "
        + "'VIP line' (vip-line, version 1); publish them without it first");
    assertThat(api.get("/api/data-steps/crm-used").json().path("usedBy").get(0).path("flowId").asString()).isEqualTo("vip-line");

    api.post("/api/data-steps", crmStep("crm-spare", API_KEY));
    api.publish(flow.replace("\"crm-used\"", "\"crm-spare\""));
    assertThat(api.delete("/api/data-steps/crm-used").status()).isEqualTo(204);
  }

  @Test
  void aDeletedStepKeepsItsHistoryAndFlowsNamingItNoLongerValidate() {
    api.post("/api/data-steps", crmStep("crm-gone", API_KEY));
    assertThat(api.delete("/api/data-steps/crm-gone").status()).isEqualTo(204);

    assertThat(api.get("/api/data-steps/crm-gone").status()).isEqualTo(404);
    JsonNode history = api.get("/api/data-steps/crm-gone/history").json();
    assertThat(history.get(0).path("action").asString()).isEqualTo("deleted");
    String flow = Engine.example("priority-routing").replace("\"priority-routing\"", "\"gone-flow\"")
        .replace("\"+48221234567\"", "\"+48220000099\"").replace("\"crm-customer\"", "\"crm-gone\"");
    JsonNode saved = api.put("/api/flows/gone-flow", flow).json();
    assertThat(saved.path("problems").get(0).path("message").asString()).contains("'crm-gone', which is not registered");
  }

  @Test
  void theAdminsAllowListAppliesAtOnce() {
    api.post("/api/data-steps", crmStep("crm-guarded", API_KEY));
    assertThat(api.delete("/api/admin/outbound-allow-list?entry=127.0.0.1").status()).isEqualTo(204);
    int before = CRM.requests();

    JsonNode refused = api.post("/api/data-steps/crm-guarded/test", Map.of()).json();

    assertThat(refused.path("error").asString()).isEqualTo("data step 'crm-guarded': refused to call 127.0.0.1, which is "
        + "a loopback address (127.0.0.1); an admin can allow-list it (Administration, or switchboard.http.allowed-hosts)");
    assertThat(CRM.requests()).isEqualTo(before);
    assertThat(api.post("/api/admin/outbound-allow-list", Map.of("entry", "127.0.0.0/30")).status()).isEqualTo(201);
    assertThat(api.post("/api/data-steps/crm-guarded/test", Map.of()).json().path("status").asInt()).isEqualTo(200);
    assertThat(api.get("/api/admin/outbound-allow-list").body()).contains("127.0.0.0/30");
    Api.Answer bad = api.post("/api/admin/outbound-allow-list", Map.of("entry", "10.0.0.0/40"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("error").asString()).isEqualTo("'10.0.0.0/40' is not a valid CIDR range");
    api.delete("/api/admin/outbound-allow-list?entry=127.0.0.0/30");
  }

  @Test
  void operationsOfAnOpenApiDocumentBecomeStepsThatRunAgainstTheServer() throws Exception {
    String document;
    try (var in = DataStepApiIT.class.getResourceAsStream("/openapi/crm.yaml")) {
      document = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    JsonNode contents = api.post("/api/data-steps/openapi/operations", Map.of("document", document)).json();
    assertThat(contents.path("operations").findValuesAsString("key")).contains("GET /customers/{customer-id}");
    assertThat(contents.path("auth").path("name").asString()).isEqualTo("X-Api-Key");

    Api.Answer imported = api.post("/api/data-steps/openapi/import", Map.of("document", document,
        "operations", List.of("GET /customers/{customer-id}", "POST /tickets"), "baseUrl", CRM.url(""),
        "auth", Map.of("kind", "api-key", "name", "X-Api-Key", "in", "header", "value", API_KEY)));

    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().findValuesAsString("id")).contains("get-customer", "post-tickets");
    assertThat(imported.body()).doesNotContain(API_KEY);
    JsonNode test = api.post("/api/data-steps/get-customer/test", Map.of("inputs", Map.of("customer_id", "C-7"))).json();
    assertThat(test.path("request").path("url").asString()).isEqualTo(CRM.url("/customers/C-7"));
    assertThat(test.path("outputs").path("name").asString()).isEqualTo("Ann Smith");
    assertThat(test.path("outputs").path("tier").asString()).isEqualTo("gold");

    Api.Answer again = api.post("/api/data-steps/openapi/import", Map.of("document", document,
        "operations", List.of("GET /customers"), "baseUrl", CRM.url(""), "auth", Map.of("kind", "none")));
    assertThat(again.status()).isEqualTo(201);
    Api.Answer twice = api.post("/api/data-steps/openapi/import", Map.of("document", document,
        "operations", List.of("GET /customers", "POST /tickets"), "baseUrl", CRM.url(""), "auth", Map.of("kind", "none")));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().path("error").asString()).isEqualTo("data steps with these ids exist already: find-customers, "
        + "post-tickets; delete or rename them first");
    Api.Answer notOpenApi = api.post("/api/data-steps/openapi/operations", Map.of("document", "{\"hello\": 1}"));
    assertThat(notOpenApi.status()).isEqualTo(400);
    assertThat(notOpenApi.json().path("error").asString()).startsWith("this is not an OpenAPI 3 document");
  }

  @Test
  void anAnswerOverTheStepsSizeLimitOrNotJsonFailsWithAClearError() {
    Map<String, Object> small = new java.util.LinkedHashMap<>(crmStep("crm-small", API_KEY));
    small.put("maxResponseBytes", 40);
    api.post("/api/data-steps", small);

    JsonNode test = api.post("/api/data-steps/crm-small/test", Map.of()).json();

    assertThat(test.path("status").asInt()).isEqualTo(200);
    assertThat(test.path("error").asString()).isEqualTo("data step 'crm-small': the answer is larger than 40 bytes");
    Map<String, Object> html = new java.util.LinkedHashMap<>(crmStep("crm-html", API_KEY));
    html.put("url", CRM.url("/customers/{{ input.phone }}.html"));
    JsonNode page = api.post("/api/data-steps/test", Map.of("definition", html, "inputs", Map.of())).json();
    assertThat(page.path("error").asString()).isEqualTo("data step 'crm-html': the answer is text/html, not JSON");
    assertThat(page.path("response").asString()).isEqualTo("<html>sign in</html>");
  }

  @Autowired
  io.switchboard.runtime.store.DataStepRepository repository;
  @Autowired
  io.switchboard.runtime.service.RegistrySync registry;
  @Autowired
  io.switchboard.runtime.connector.DataStepCatalog catalog;

  @Test
  void aStepAnotherInstanceSavedOrDeletedIsPickedUpAtTheNextSync() {
    repository.save("crm-elsewhere", "CRM elsewhere", "{\"id\":\"crm-elsewhere\",\"name\":\"CRM elsewhere\",\"url\":\""
        + CRM.url("/customers/1") + "\",\"outputs\":[{\"variable\":\"tier\",\"path\":\"$.tier\"}]}", null, "created",
        "other-instance", 0);
    assertThat(catalog.find("crm-elsewhere")).isEmpty();

    registry.syncNow();

    assertThat(catalog.find("crm-elsewhere")).isPresent();
    repository.delete("crm-elsewhere", "other-instance");
    registry.syncNow();
    assertThat(catalog.find("crm-elsewhere")).isEmpty();
  }

  @Test
  void theIntegratorsApiIsInTheOpenApiDocument() {
    JsonNode docs = api.get("/api/docs").json();

    assertThat(docs.path("paths").has("/api/data-steps")).isTrue();
    assertThat(docs.path("paths").path("/api/data-steps/{id}").has("put")).isTrue();
    assertThat(docs.path("paths").path("/api/data-steps/{id}/test").has("post")).isTrue();
    assertThat(docs.path("paths").has("/api/data-steps/openapi/import")).isTrue();
    assertThat(docs.path("paths").has("/api/admin/outbound-allow-list")).isTrue();
  }

  @Test
  void aChangeThatWouldBreakAPublishedFlowIsRefusedNamingTheFlowAndTheProblem() {
    api.post("/api/data-steps", crmStep("crm-stable", API_KEY));
    api.publish(Engine.example("priority-routing").replace("\"priority-routing\"", "\"stable-line\"")
        .replace("\"Priority routing\"", "\"Stable line\"").replace("\"+48221234567\"", "\"+48220000066\"")
        .replace("\"crm-customer\"", "\"crm-stable\""));
    Map<String, Object> needsMore = new java.util.LinkedHashMap<>(crmStep("crm-stable", API_KEY));
    needsMore.put("inputs", List.of(Map.of("name", "phone", "required", true), Map.of("name", "expand"),
        Map.of("name", "account", "required", true)));
    needsMore.put("url", CRM.url("/customers/{{ input.phone }}/{{ input.account }}"));

    Api.Answer refused = api.put("/api/data-steps/crm-stable", io.switchboard.flow.json.FlowJson.compact(needsMore));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("error").asString()).isEqualTo("this change would break published flows that call "
        + "'crm-stable': 'Stable line' (stable-line, version 1): Loyalty from CRM: fill in the input 'account' "
        + "that data step 'crm-stable' requires.; change the flows first");
    assertThat(api.get("/api/data-steps/crm-stable").json().path("version").asInt()).isEqualTo(1);
    Map<String, Object> harmless = new java.util.LinkedHashMap<>(crmStep("crm-stable", API_KEY));
    harmless.put("timeoutMs", 4000);
    assertThat(api.put("/api/data-steps/crm-stable", io.switchboard.flow.json.FlowJson.compact(harmless)).status())
        .isEqualTo(200);
  }

  @Test
  void theFlowListShowsTheErrorsThatHoldAfterAStepIsRegisteredOrDeleted() {
    String flow = Engine.example("priority-routing").replace("\"priority-routing\"", "\"waits-for-step\"")
        .replace("\"+48221234567\"", "\"+48220000055\"").replace("\"crm-customer\"", "\"crm-later\"");
    api.put("/api/flows/waits-for-step", flow);
    assertThat(errorsInTheList("waits-for-step")).isEqualTo(1);

    Map<String, Object> later = new java.util.LinkedHashMap<>(crmStep("crm-later", API_KEY));
    api.post("/api/data-steps", later);
    assertThat(errorsInTheList("waits-for-step")).isZero();

    api.delete("/api/data-steps/crm-later");
    assertThat(errorsInTheList("waits-for-step")).isEqualTo(1);
  }

  private int errorsInTheList(String flowId) {
    for (JsonNode flow : api.get("/api/flows").json()) {
      if (flow.path("id").asString().equals(flowId)) {
        return flow.path("errors").asInt();
      }
    }
    throw new AssertionError("no flow " + flowId + " in the list");
  }
}
