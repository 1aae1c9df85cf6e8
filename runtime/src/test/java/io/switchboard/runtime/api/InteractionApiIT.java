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

/** Bad input to the interaction API gets a clear 4xx and changes nothing. */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:interactionapi;DB_CLOSE_DELAY=-1")
class InteractionApiIT {
  @Value("${local.server.port}")
  int port;
  Api api;
  String waitingId;

  @BeforeEach
  void startACampaignCall() {
    api = new Api(port);
    if (api.get("/api/flows/campaign").status() == 404) {
      api.publish(Engine.example("campaign"));
    }
    waitingId = api.post("/api/interactions", Map.of("flowId", "campaign", "channel", "call-list", "from", "+48",
        "to", "renewals-2026", "data", Map.of("name", "Dora"))).json().path("id").asString();
  }

  private void assertError(Api.Answer answer, int status, String reason) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().path("error").asString()).contains(reason);
  }

  @Test
  void startingNeedsAPublishedFlowTheRightChannelAndDeclaredVariables() {
    assertError(api.post("/api/interactions", Map.of("flowId", "nope")), 404, "no flow 'nope'");
    assertError(api.post("/api/interactions", Map.of()), 400, "flowId is required");
    assertError(api.post("/api/interactions", "[1,"), 400, "not valid JSON");
    assertError(api.post("/api/interactions", Map.of("flowId", "campaign", "channel", "voice")), 400,
        "answers the call-list channel, not voice");
    assertError(api.post("/api/interactions", Map.of("flowId", "campaign", "variables", Map.of("shoeSize", 42))), 400,
        "'shoeSize' is not a variable of the flow 'campaign'");
    assertError(api.post("/api/interactions", Map.of("flowId", "campaign", "variables", Map.of("notes", 42))), 400,
        "the variable 'notes' takes a string");
    api.put("/api/flows/unpublished", Engine.example("campaign").replace("\"campaign\"", "\"unpublished\"")
        .replace("renewals-2026", "unpublished-list"));
    assertError(api.post("/api/interactions", Map.of("flowId", "unpublished")), 409, "has not been published yet");
  }

  @Test
  void inputForAnotherStepOrAnUnknownAnswerIsRefusedAndTheStateStaysAsItWas() {
    JsonNode before = api.get("/api/interactions/" + waitingId).json();

    assertError(api.post("/api/interactions/" + waitingId + "/input", Map.of("nodeId", "order", "answer", "interested")),
        409, "waits at step 'pitch', not 'order'");
    assertError(api.post("/api/interactions/" + waitingId + "/input", Map.of("nodeId", "pitch", "answer", "perhaps")),
        400, "'perhaps' is not an answer of this step; the answers are 'interested', 'later', 'no'");
    assertError(api.post("/api/interactions/" + waitingId + "/input", Map.of("nodeId", "pitch")), 400, "answer is required");
    assertError(api.post("/api/interactions/" + waitingId + "/events", Map.of("name", "x")), 409,
        "waits for agent answer, not for an event");
    assertError(api.post("/api/interactions/nope/input", Map.of("nodeId", "pitch", "answer", "no")), 404, "no interaction");

    JsonNode after = api.get("/api/interactions/" + waitingId).json();
    assertThat(after.path("steps")).isEqualTo(before.path("steps"));
    assertThat(after.path("variables")).isEqualTo(before.path("variables"));
    assertThat(after.path("status").asString()).isEqualTo("waiting");
  }

  @Test
  void aFinishedInteractionTakesNoMoreInput() {
    api.post("/api/interactions/" + waitingId + "/input", Map.of("nodeId", "pitch", "answer", "no"));

    assertError(api.post("/api/interactions/" + waitingId + "/input", Map.of("nodeId", "pitch", "answer", "no")), 409,
        "is completed, not waiting");
  }

  @Test
  void theStepLogShowsEachStepWithItsTimingAndChanges() {
    JsonNode done = api.post("/api/interactions/" + waitingId + "/input",
        Map.of("nodeId", "pitch", "answer", "interested", "fields", Map.of("notes", "call at 5"))).json();
    JsonNode log = api.get("/api/interactions/" + waitingId).json().path("steps");

    assertThat(done.path("status").asString()).isEqualTo("completed");
    assertThat(log.findValuesAsString("nodeId")).containsExactly("entry", "pitch", "pitch", "order", "won");
    assertThat(log.get(2).path("port").asString()).isEqualTo("interested");
    assertThat(log.get(2).path("changes").path("notes").asString()).isEqualTo("call at 5");
    assertThat(log.get(3).path("changes").path("ticketId").asString()).isNotBlank();
    assertThat(log.get(0).path("startedAt").asString()).endsWith("Z");
    assertThat(log.get(0).path("durationMicros").isNumber()).isTrue();
  }

  @Test
  void aFailedStepShowsItsCodeInTheStepLogAndOnTheInteraction() {
    api.publish(io.switchboard.runtime.engine.TinyFlow.of("webhook", "[]", """
        {"id": "u", "type": "ticket", "config": {"action": "update", "ticket": "C-1", "status": "open"}}""", """
        {"from": "t", "port": "next", "to": "u"}""").replace("\"id\": \"tiny\"", "\"id\": \"failing-update\""));
    JsonNode failed = api.post("/api/interactions", Map.of("flowId", "failing-update")).json();

    assertThat(failed.path("status").asString()).isEqualTo("failed");
    assertThat(failed.path("error").path("code").asString()).isEqualTo("not_found");
    assertThat(failed.path("error").path("message").asString()).isEqualTo("u: case 'C-1' does not exist");
    JsonNode step = api.get("/api/interactions/" + failed.path("id").asString()).json().path("steps").path(1);
    assertThat(step.path("error").path("code").asString()).isEqualTo("not_found");
    assertThat(step.path("error").path("retryable").asBoolean(true)).isFalse();
    assertThat(step.path("error").path("case").asString()).isEqualTo("C-1");
  }
}
