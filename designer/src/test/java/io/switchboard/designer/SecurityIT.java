package io.switchboard.designer;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.json.FlowJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

/** Who may call what: HTTP Basic for users, X-API-Key for machines, roles per resource. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:security;DB_CLOSE_DELAY=-1", "switchboard.admin.password=first-admin-pass",
    "switchboard.voice.signing-secret=webhook-secret"})
class SecurityIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @BeforeEach
  void users() throws Exception {
    for (String role : List.of("designer", "agent")) {
      send("POST", "/api/admin/users", FlowJson.compact(Map.of("username", role + "-user", "password", "long-enough-pw",
          "roles", List.of(role))), basic("admin", "first-admin-pass"));
    }
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String[] basic(String user, String password) {
    return new String[] {"Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))};
  }

  @Test
  void theApiNeedsSigningInAndSaysSoInJson() throws Exception {
    HttpResponse<String> anonymous = send("GET", "/api/flows", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(FlowJson.readTree(anonymous.body()).path("error").asString()).contains("HTTP Basic or send an X-API-Key");
    assertThat(send("GET", "/api/flows", null, basic("admin", "wrong-password")).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/flows", null, basic("admin", "first-admin-pass")).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/docs", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theKnowledgeBaseIsReadByEveryRoleWrittenBySupervisorsAndAdminsAndPublicWithoutSigningIn() throws Exception {
    String[] agent = basic("agent-user", "long-enough-pw");
    String[] designer = basic("designer-user", "long-enough-pw");
    String article = "{\"title\": \"T\", \"solution\": \"S\", \"language\": \"en\"}";
    assertThat(send("GET", "/api/public/knowledge/search?q=gps", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/knowledge/search?q=gps", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/knowledge/search?q=gps", null, agent).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/knowledge/articles", null, designer).statusCode()).isEqualTo(200);
    assertThat(send("POST", "/api/knowledge/articles", article, agent).statusCode()).isEqualTo(403);
    assertThat(send("POST", "/api/knowledge/articles/no-such-id/feedback", "{\"kind\": \"sent\"}", agent).statusCode())
        .as("past security to the controller").isEqualTo(404);
    assertThat(send("POST", "/api/knowledge/articles/no-such-id/feedback", "{\"kind\": \"sent\"}", designer)
        .statusCode()).isEqualTo(403);
    assertThat(send("POST", "/api/knowledge/articles", article, basic("admin", "first-admin-pass")).statusCode())
        .isEqualTo(201);
  }

  @Test
  void rolesDecideWhatEachUserMayDo() throws Exception {
    assertThat(send("GET", "/api/flows", null, basic("designer-user", "long-enough-pw")).statusCode()).isEqualTo(200);
    HttpResponse<String> designerAsAdmin = send("GET", "/api/admin/users", null, basic("designer-user", "long-enough-pw"));
    assertThat(designerAsAdmin.statusCode()).isEqualTo(403);
    assertThat(designerAsAdmin.body()).contains("your role may not GET /api/admin/users");
    assertThat(send("GET", "/api/flows", null, basic("agent-user", "long-enough-pw")).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/alerts", null, basic("agent-user", "long-enough-pw")).statusCode()).isEqualTo(200);
    // agents train with the scripts: past security to the controller (no such flow here), the version itself stays closed
    assertThat(send("GET", "/api/flows/no-flow/versions/1/script", null, basic("agent-user", "long-enough-pw")).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/api/flows/no-flow/versions/1/script.pdf", null, basic("agent-user", "long-enough-pw"))
        .statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/flows/no-flow/versions/1", null, basic("agent-user", "long-enough-pw")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void apiKeysWorkUntilRevokedAndAreNeverShownAgain() throws Exception {
    HttpResponse<String> created = send("POST", "/api/admin/api-keys",
        FlowJson.compact(Map.of("name", "telephony", "roles", List.of("integrator"))), basic("admin", "first-admin-pass"));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode key = FlowJson.readTree(created.body());
    String secret = key.path("key").asString();
    assertThat(secret).startsWith("sb_").hasSize(52);

    assertThat(send("GET", "/api/interactions/none", null, "X-API-Key", secret).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/flows", null, "X-API-Key", secret).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/flows", null, "X-API-Key", secret.substring(0, 51) + "x").statusCode()).isEqualTo(401);
    HttpResponse<String> step = send("POST", "/api/data-steps", FlowJson.compact(Map.of("id", "billing", "name", "Billing",
        "url", "https://billing.example.com/accounts", "auth", Map.of("kind", "bearer", "value", "tok-secret-77"))),
        "X-API-Key", secret);
    assertThat(step.statusCode()).as(step.body()).isEqualTo(201);
    assertThat(step.body()).doesNotContain("tok-secret-77");
    assertThat(send("GET", "/api/data-steps/billing", null, "X-API-Key", secret).body()).contains("\"secretsStored\":[\"value\"]")
        .doesNotContain("tok-secret-77");
    assertThat(send("GET", "/api/data-steps", null, basic("designer-user", "long-enough-pw")).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/admin/api-keys", null, basic("admin", "first-admin-pass")).body()).doesNotContain(secret)
        .contains("telephony");

    assertThat(send("DELETE", "/api/admin/api-keys/" + key.path("id").asString(), null, basic("admin", "first-admin-pass"))
        .statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/interactions/none", null, "X-API-Key", secret).statusCode()).isEqualTo(401);
  }

  @Test
  void badUsersAreRefusedWithAReason() throws Exception {
    String[] admin = basic("admin", "first-admin-pass");
    assertThat(send("POST", "/api/admin/users", FlowJson.compact(Map.of("username", "x1", "password", "short",
        "roles", List.of("agent"))), admin).body()).contains("at least 10 characters");
    assertThat(send("POST", "/api/admin/users", FlowJson.compact(Map.of("username", "x2", "password", "long-enough-pw",
        "roles", List.of("king"))), admin).body()).contains("'king' is not a role");
    assertThat(send("POST", "/api/admin/users", FlowJson.compact(Map.of("username", "designer-user", "password",
        "long-enough-pw", "roles", List.of("agent"))), admin).statusCode()).isEqualTo(409);
  }

  @Test
  void theVoiceWebhookNeedsTheProvidersSignatureWhenASecretIsConfigured() throws Exception {
    String form = "From=%2B48600&To=%2B48000";
    HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/voice"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(403);

    String url = "http://127.0.0.1:" + port + "/hooks/voice";
    String signature = io.switchboard.designer.security.VoiceSignatureTestAccess.sign("webhook-secret", url,
        Map.of("From", new String[] {"+48600"}, "To", new String[] {"+48000"}));
    HttpResponse<String> signed = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(404);
    assertThat(signed.body()).contains("not in service");
  }

  @org.springframework.beans.factory.annotation.Autowired
  io.switchboard.runtime.desk.DeskService desk;

  private static final String DESK_FLOW = """
      {"format": "switchboard.flow/1", "id": "desk-security", "name": "Desk security",
       "nodes": [
         {"id": "t", "type": "trigger", "config": {"channel": "webhook", "address": "desk-security", "defaultQueue": "guarded"}},
         {"id": "s", "type": "script", "config": {"prompt": "Go on?", "answers": [{"port": "yes", "label": "Yes"}]}},
         {"id": "e", "type": "end", "config": {"outcome": "done"}}],
       "edges": [{"from": "t", "port": "next", "to": "s"}, {"from": "s", "port": "yes", "to": "e"}]}
      """;

  @Test
  void anAgentReachesOnlyTheInteractionsTheyHoldAndManagesNoQueue() throws Exception {
    String[] admin = basic("admin", "first-admin-pass");
    for (String agent : List.of("agent-a", "agent-b")) {
      send("POST", "/api/admin/users", FlowJson.compact(Map.of("username", agent, "password", "long-enough-pw",
          "roles", List.of("agent"))), admin);
    }
    String[] agentA = basic("agent-a", "long-enough-pw");
    String[] agentB = basic("agent-b", "long-enough-pw");
    String queue = "{\"name\": \"Guarded\", \"members\": [\"agent-a\"], \"maxWaitSeconds\": 300}";
    assertThat(send("PUT", "/api/queues/guarded", queue, agentA).statusCode()).isEqualTo(403);
    assertThat(send("PUT", "/api/queues/guarded", queue, admin).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/queues", null, agentA).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/agents", null, agentA).statusCode()).isEqualTo(403);
    assertThat(send("PUT", "/api/flows/desk-security", DESK_FLOW, admin).statusCode()).isEqualTo(200);
    assertThat(send("POST", "/api/flows/desk-security/publish", "{}", admin).statusCode()).isEqualTo(201);
    assertThat(send("PUT", "/api/agents/me/state", "{\"state\": \"available\"}", agentA).statusCode()).isEqualTo(200);
    String id = FlowJson.readTree(send("POST", "/api/interactions", "{\"flowId\": \"desk-security\", \"from\": \"+4811\"}",
        admin).body()).path("id").asString();

    JsonNode offer = null;
    for (long until = System.currentTimeMillis() + 15_000; offer == null && System.currentTimeMillis() < until; ) {
      JsonNode offers = FlowJson.readTree(send("GET", "/api/agents/me/offers", null, agentA).body());
      if (offers.size() > 0) {
        offer = offers.get(0);
      } else {
        Thread.sleep(100);
      }
    }
    assertThat(offer).as("agent-a is offered the interaction").isNotNull();
    assertThat(send("POST", "/api/offers/" + offer.path("id").asString() + "/accept", null, agentA).statusCode())
        .isEqualTo(200);

    assertThat(send("GET", "/api/interactions/" + id, null, agentA).statusCode()).isEqualTo(200);
    HttpResponse<String> peek = send("GET", "/api/interactions/" + id, null, agentB);
    assertThat(peek.statusCode()).isEqualTo(403);
    assertThat(peek.body()).doesNotContain("+4811");
    HttpResponse<String> answer = send("POST", "/api/interactions/" + id + "/input",
        "{\"nodeId\": \"s\", \"answer\": \"yes\"}", agentB);
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(desk.holds(id, "agent-a")).as("nothing changed").isTrue();
    assertThat(send("POST", "/api/interactions/" + id + "/input", "{\"nodeId\": \"s\", \"answer\": \"yes\"}", agentA)
        .statusCode()).isEqualTo(200);
  }
}
