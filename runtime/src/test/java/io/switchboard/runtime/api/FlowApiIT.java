package io.switchboard.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.Engine;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:flowapi;DB_CLOSE_DELAY=-1")
class FlowApiIT {
  @Value("${local.server.port}")
  int port;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
    api.dataStep("crm-customer", "http://127.0.0.1:9/crm", "phone");
  }

  private static String withBrokenBranch() {
    return Engine.example("priority-routing").replace("\"id\": \"priority-routing\"", "\"id\": \"draft-flow\"")
        .replace("\"+48221234567\"", "\"+48220000001\"")
        .replace("loyalty == 'gold' || loyalty == 'platinum'", "loyalty == 'gold' ||");
  }

  @Test
  void aDraftWithErrorsIsSavedWithItsProblemsButCannotBePublishedUntilFixed() {
    Api.Answer saved = api.put("/api/flows/draft-flow", withBrokenBranch());
    assertThat(saved.status()).isEqualTo(200);
    JsonNode problem = saved.json().path("problems").get(0);
    assertThat(problem.path("severity").asString()).isEqualTo("error");
    assertThat(problem.path("nodeId").asString()).isEqualTo("n3");
    assertThat(problem.path("pointer").asString()).isEqualTo("/nodes/2/config/cases/0/when");
    assertThat(problem.path("message").asString()).isEqualTo(
        "VIP?: the expression 'loyalty == 'gold' ||' is not valid: SyntaxError: Expected an operand but the expression ends");

    Api.Answer refused = api.post("/api/flows/draft-flow/publish", Map.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("problems").get(0).path("nodeId").asString()).isEqualTo("n3");
    assertThat(api.get("/api/flows/draft-flow/versions").json().size()).isZero();

    String fixed = withBrokenBranch().replace("loyalty == 'gold' ||", "loyalty == 'gold'");
    assertThat(api.put("/api/flows/draft-flow", fixed).json().path("problems").size()).isZero();
    Api.Answer published = api.post("/api/flows/draft-flow/publish", Map.of("comment", "first"));
    assertThat(published.status()).isEqualTo(201);
    assertThat(published.json().path("version").asInt()).isEqualTo(1);
    assertThat(api.post("/api/flows/draft-flow/publish", Map.of()).json().path("version").asInt()).isEqualTo(2);

    JsonNode v1 = api.get("/api/flows/draft-flow/versions/1").json();
    assertThat(v1.path("comment").asString()).isEqualTo("first");
    assertThat(v1.path("document").path("nodes").size()).isEqualTo(5);
    assertThat(api.get("/api/flows/draft-flow/versions").json().get(0).path("version").asInt()).isEqualTo(2);
    assertThat(api.get("/api/flows/draft-flow/versions/9").status()).isEqualTo(404);
    assertThat(api.get("/api/flows").body()).contains("\"id\":\"draft-flow\"");
  }

  @Test
  void somethingThatIsNotAFlowIs422AndChangesNothing() {
    Api.Answer notJson = api.put("/api/flows/junk", "{ not json");
    assertThat(notJson.status()).isEqualTo(422);
    assertThat(notJson.json().path("error").asString()).contains("not valid JSON");
    assertThat(api.put("/api/flows/junk", "{\"format\": \"bpmn\"}").status()).isEqualTo(422);
    assertThat(api.get("/api/flows/junk").status()).isEqualTo(404);
  }

  @Test
  void theDocumentIdMustMatchTheUrl() {
    Api.Answer answer = api.put("/api/flows/other-id", withBrokenBranch());
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").asString()).contains("does not match");
  }

  @Test
  void twoEditorsDoNotSilentlyOverwriteEachOther() {
    String doc = withBrokenBranch().replace("draft-flow", "shared-flow").replace("+48220000001", "+48220000002");
    int revision = api.put("/api/flows/shared-flow", doc).json().path("revision").asInt();
    assertThat(api.put("/api/flows/shared-flow", doc, "If-Match", String.valueOf(revision)).status()).isEqualTo(200);

    Api.Answer stale = api.put("/api/flows/shared-flow", doc, "If-Match", String.valueOf(revision));

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().path("error").asString()).contains("changed by someone else");
  }

  @Test
  void aSecondFlowCannotTakeANumberAnotherFlowAnswers() {
    String first = withBrokenBranch().replace("draft-flow", "number-a").replace("+48220000001", "+48229999999")
        .replace("loyalty == 'gold' ||", "loyalty == 'gold'");
    api.publish(first);
    String second = first.replace("number-a", "number-b");
    api.put("/api/flows/number-b", second);

    Api.Answer refused = api.post("/api/flows/number-b/publish", Map.of());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("error").asString()).contains("already starts “" + api.get("/api/flows/number-a").json().path("name").asString() + "”");
    // the list counts the taken number among the draft's errors, as the draft itself shows it
    JsonNode listed = null;
    for (JsonNode flow : api.get("/api/flows").json()) {
      if (flow.path("id").asString().equals("number-b")) {
        listed = flow;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.path("errors").asInt()).isEqualTo(1);
  }

  @Test
  void theApiIsDocumentedByOpenApi() {
    JsonNode docs = api.get("/api/docs").json();
    assertThat(docs.path("paths").propertyNames()).contains("/api/flows/{id}", "/api/flows/{id}/publish",
        "/api/interactions", "/api/interactions/{id}", "/api/interactions/{id}/input", "/hooks/voice");
  }

  @Test
  void aFlowDeletedAndCreatedAgainUnderTheSameIdRunsItsNewVersion() {
    String first = withBrokenBranch().replace("draft-flow", "reused").replace("+48220000001", "+48220000003")
        .replace("loyalty == 'gold' ||", "loyalty == 'gold'");
    api.publish(first);
    api.post("/api/interactions", Map.of("flowId", "reused", "channel", "voice", "from", "+48600"));
    assertThat(api.get("/api/flows/reused").status()).isEqualTo(200);
    assertThat(deleteFlow("reused")).isEqualTo(204);

    api.publish(first.replace("\"regular\"", "\"second-queue\""));
    JsonNode started = api.post("/api/interactions", Map.of("flowId", "reused", "channel", "voice", "from", "+48600")).json();

    assertThat(started.path("flowVersion").asInt()).isEqualTo(1);
    assertThat(started.path("instruction").path("target").asString()).isEqualTo("second-queue");
  }

  private int deleteFlow(String id) {
    try {
      return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + port + "/api/flows/" + id)).DELETE().build(),
          java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
