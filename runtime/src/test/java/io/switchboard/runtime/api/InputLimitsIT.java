package io.switchboard.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.connector.LocalHttpServer;
import io.switchboard.runtime.engine.TinyFlow;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Every length the store keeps has a limit that is checked before anything happens: the caller
 * gets a 400 naming the field and the limit, nothing is stored and no system is called; a value a
 * flow takes from its caller fails only its step.
 */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:limits;DB_CLOSE_DELAY=-1", "switchboard.http.allowed-hosts=127.0.0.1"})
class InputLimitsIT {
  @Value("${local.server.port}")
  int port;
  Api api;
  LocalHttpServer crm;

  @BeforeEach
  void start() throws Exception {
    api = new Api(port);
    crm = new LocalHttpServer();
    crm.answer(x -> LocalHttpServer.respond(x, 200, "application/json", "{\"queue\": \"" + "q".repeat(203) + "\"}"));
  }

  @AfterEach
  void stop() {
    crm.close();
  }

  private static void refused(Api.Answer answer, String reason) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().path("error").asString()).contains(reason);
  }

  @Test
  void aFlowIdOrNameTooLongForTheStoreIsRefusedAndNothingIsSaved() {
    String id = "a".repeat(86);
    refused(api.put("/api/flows/" + id, TinyFlow.of("message", "[]", """
        {"id": "e", "type": "end"}""", """
        {"from": "t", "port": "next", "to": "e"}""").replace("\"tiny\"", "\"" + id + "\"")), "1 to 64 lower-case letters");
    assertThat(api.get("/api/flows/" + id).status()).isEqualTo(404);

    refused(api.put("/api/flows/long-name", TinyFlow.of("message", "[]", """
        {"id": "e", "type": "end"}""", """
        {"from": "t", "port": "next", "to": "e"}""").replace("\"tiny\"", "\"long-name\"")
        .replace("\"Tiny\"", "\"" + "n".repeat(300) + "\"")), "longer than 200 characters");
    assertThat(api.get("/api/flows/long-name").status()).isEqualTo(404);
  }

  @Test
  void anOverlongCallReferenceIsRefusedBeforeTheFlowCallsAnything() {
    api.publish(TinyFlow.of("voice", "[{\"name\": \"queue\", \"type\": \"string\"}]", """
        {"id": "f", "type": "fetch", "config": {"request": {"method": "GET", "url": "%s"}, "output": {"queue": "$.queue"}}},
        {"id": "e", "type": "end"}""".formatted(crm.url("/c")), """
        {"from": "t", "port": "next", "to": "f"}, {"from": "f", "port": "ok", "to": "e"}, {"from": "f", "port": "error", "to": "e"}""")
        .replace("\"channel\": \"voice\"", "\"channel\": \"voice\", \"address\": \"+48221000001\"").replace("\"tiny\"", "\"limits-voice\""));

    refused(api.form("/hooks/voice", Map.of("From", "+48600", "To", "+48221000001", "CallSid", "C".repeat(10_000))),
        "CallSid) is longer than 100 characters");
    assertThat(crm.requests()).isZero();
    assertThat(api.form("/hooks/voice", Map.of("From", "+48600", "To", "+48221000001", "CallSid", "CA-ok")).status())
        .isEqualTo(200);
    assertThat(crm.requests()).isEqualTo(1);
  }

  @Test
  void triggerDataOverTheLimitIsRefused() {
    api.publish(TinyFlow.of("webhook", "[]", """
        {"id": "e", "type": "end"}""", """
        {"from": "t", "port": "next", "to": "e"}""").replace("\"tiny\"", "\"limits-data\""));
    refused(api.post("/api/interactions", Map.of("flowId", "limits-data", "data", Map.of("blob", "x".repeat(300_000)))),
        "the trigger data is larger than 262144 characters");
  }

  @Test
  void aQueueNameFromTheCallerThatIsTooLongFailsOnlyItsStep() {
    api.publish(TinyFlow.of("webhook", "[{\"name\": \"queue\", \"type\": \"string\"}]", """
        {"id": "f", "type": "fetch", "config": {"request": {"method": "GET", "url": "%s"}, "output": {"queue": "$.queue"}}},
        {"id": "x", "type": "escalate", "config": {"priority": "high", "queue": "{{ queue }}"}},
        {"id": "e", "type": "end", "config": {"outcome": "escalated"}}""".formatted(crm.url("/c")), """
        {"from": "t", "port": "next", "to": "f"}, {"from": "f", "port": "ok", "to": "x"}, {"from": "x", "port": "next", "to": "e"}""")
        .replace("\"tiny\"", "\"limits-queue\""));

    Api.Answer started = api.post("/api/interactions", Map.of("flowId", "limits-queue"));

    assertThat(started.status()).as(started.body()).isEqualTo(201);
    assertThat(started.json().path("status").asString()).isEqualTo("failed");
    assertThat(started.json().path("error").path("code").asString()).isEqualTo("invalid_input");
    assertThat(started.json().path("error").path("message").asString()).contains("queue name is longer than 100 characters");
  }
}
