package io.switchboard.runtime.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.api.Api;
import io.switchboard.runtime.api.ApiTestApplication;
import io.switchboard.runtime.connector.LocalHttpServer;
import io.switchboard.runtime.engine.Engine;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /hooks/message} over real HTTP, with a hand-moved clock: a first message starts the flow
 * and is answered with its replies, the next one within the conversation timeout continues it, one after
 * the end or the timeout starts anew; a reply sent after a timer goes to a loopback provider through the
 * outbox.
 */
@SpringBootTest(classes = {ApiTestApplication.class, HandMovedClock.class}, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:messaging;DB_CLOSE_DELAY=-1", "switchboard.timer-interval=100ms",
        "switchboard.outbox-interval=100ms", "switchboard.http.allowed-hosts=127.0.0.1",
        "switchboard.knowledge.sample-articles=false",
        "switchboard.knowledge.index-dir=target/messaging-it-index-${random.uuid}"})
class MessageWebhookIT {
  static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  private static final String CHAT = """
      {"format": "switchboard.flow/1", "id": "chat", "name": "Chat",
       "variables": [{"name": "feedback", "type": "object"}],
       "nodes": [{"id": "t", "type": "trigger", "config": {"channel": "message", "address": "+48225550111"}},
         {"id": "ask", "type": "reply", "config": {"text": "About '{{ trigger.body }}': did it help?"}},
         {"id": "w", "type": "wait", "config": {"event": "message", "seconds": 60, "variable": "feedback"}},
         {"id": "said", "type": "reply", "config": {"text": "You said {{ feedback.body }}"}},
         {"id": "bye", "type": "reply", "config": {"text": "Bye"}},
         {"id": "late", "type": "reply", "config": {"text": "We did not hear back; write again any time."}},
         {"id": "e", "type": "end", "config": {"outcome": "answered"}},
         {"id": "gone", "type": "end", "config": {"outcome": "no answer"}}],
       "edges": [{"from": "t", "port": "next", "to": "ask"}, {"from": "ask", "port": "next", "to": "w"},
         {"from": "w", "port": "next", "to": "said"}, {"from": "w", "port": "timeout", "to": "late"},
         {"from": "said", "port": "next", "to": "bye"}, {"from": "bye", "port": "next", "to": "e"},
         {"from": "late", "port": "next", "to": "gone"}]}""";
  static LocalHttpServer provider;

  @Value("${local.server.port}")
  int port;
  @Autowired
  Engine.MutableClock clock;
  Api api;

  @BeforeAll
  static void startProvider() throws IOException {
    provider = new LocalHttpServer();
    provider.answer(exchange -> LocalHttpServer.respond(exchange, 201, "application/json", "{\"sid\": \"SM1\"}"));
  }

  @AfterAll
  static void stopProvider() {
    provider.close();
  }

  @BeforeEach
  void publish() {
    api = new Api(port);
    if (api.get("/api/flows/chat").status() == 404) {
      api.publish(CHAT);
    }
    assertThat(api.put("/api/admin/voice-provider", "{\"baseUrl\": \"" + provider.url("/2010-04-01/Accounts/AC1")
        + "\", \"account\": \"AC1\", \"token\": \"s3cret\"}").status()).isEqualTo(200);
  }

  private Api.Answer text(String from, String body) {
    return api.form("/hooks/message", Map.of("From", from, "To", "+48225550111", "Body", body, "MessageSid", "SM-" + body));
  }

  private static String interaction(Api.Answer answer) {
    return answer.raw().headers().firstValue("X-Switchboard-Interaction").orElseThrow();
  }

  @Test
  void aConversationStartsContinuesWithinTheTimeoutAndStartsAnewAfterTheEndOrTheTimeout() {
    Api.Answer first = text("+48600000001", "router <blinks> & stops");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
    assertThat(first.body()).isEqualTo(XML + "<Response><Message>About &apos;router &lt;blinks&gt; &amp; stops&apos;: "
        + "did it help?</Message></Response>");
    JsonNode waiting = api.get("/api/interactions/" + interaction(first)).json();
    assertThat(waiting.path("status").asString()).isEqualTo("waiting");
    assertThat(waiting.path("waitingFor").path("event").asString()).isEqualTo("message");

    clock.advanceSeconds(50);
    Api.Answer second = text("+48600000001", "no");
    assertThat(interaction(second)).isEqualTo(interaction(first));
    assertThat(second.body()).isEqualTo(XML + "<Response><Message>You said no</Message><Message>Bye</Message></Response>");
    JsonNode done = api.get("/api/interactions/" + interaction(first)).json();
    assertThat(done.path("outcome").asString()).isEqualTo("answered");
    assertThat(done.path("variables").path("feedback").path("body").asString()).isEqualTo("no");

    Api.Answer third = text("+48600000001", "one more thing");
    assertThat(interaction(third)).as("the conversation's interaction ended").isNotEqualTo(interaction(first));
    clock.advanceSeconds(59);
    Api.Answer withinTime = text("+48600000001", "yes");
    assertThat(interaction(withinTime)).isEqualTo(interaction(third));
    assertThat(api.get("/api/interactions/" + interaction(third)).json().path("outcome").asString()).isEqualTo("answered");

    Api.Answer fourth = text("+48600000001", "hello");
    clock.advanceSeconds(30 * 60 + 1);
    Api.Answer afterTimeout = text("+48600000001", "anyone?");
    assertThat(interaction(afterTimeout)).as("more than 30 minutes since the conversation last moved")
        .isNotEqualTo(interaction(fourth));
    assertThat(afterTimeout.body()).contains("About &apos;anyone?&apos;");
  }

  @Test
  void aReplyAfterATimerGoesToTheProviderWhileThoseInTheAnswerAreOnlyMarkedSent() throws InterruptedException {
    int before = provider.requests();
    Api.Answer first = text("+48600000009", "printer jams");
    String id = interaction(first);
    clock.advanceSeconds(61);

    JsonNode gone = awaitOutcome(id, "no answer");
    for (int i = 0; i < 100 && provider.requests() == before; i++) {
      Thread.sleep(50);
    }
    assertThat(provider.requests() - before).as("only the reply after the timer goes to the provider").isEqualTo(1);
    assertThat(provider.uris().getLast()).isEqualTo("/2010-04-01/Accounts/AC1/Messages");
    assertThat(URLDecoder.decode(provider.bodies().getLast(), StandardCharsets.UTF_8))
        .isEqualTo("From=+48225550111&To=+48600000009&Body=We did not hear back; write again any time.");
    assertThat(gone.path("status").asString()).isEqualTo("completed");
    JsonNode asked = awaitDelivered(id, "ask");
    assertThat(asked.path("status").asString()).isEqualTo("completed");
  }

  @Test
  void anAddressNoFlowAnswersGetsAnEmptyResponseAndEmptyFieldsA400() {
    Api.Answer unknown = api.form("/hooks/message", Map.of("From", "+48600000001", "To", "+48000000000", "Body", "hi"));
    assertThat(unknown.status()).as("providers take any other status as their own failure").isEqualTo(200);
    assertThat(unknown.body()).isEqualTo(XML + "<Response/>");
    assertThat(unknown.raw().headers().firstValue("X-Switchboard-Interaction")).isEmpty();

    Api.Answer empty = api.form("/hooks/message", Map.of("From", " ", "To", "+48225550111", "Body", "hi"));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().path("error").asString()).contains("From and To");
  }

  @Test
  void aTextOverTheLimitsIsRefusedBeforeAnythingRuns() {
    Api.Answer overHookLimit = text("+48600000007", "x".repeat(70_000));
    assertThat(overHookLimit.status()).as("the webhooks' request size limit").isEqualTo(413);
    Api.Answer overBodyLimit = text("+48600000007", "x".repeat(MessageService.MAX_BODY_CHARS + 1));
    assertThat(overBodyLimit.status()).isEqualTo(400);
    assertThat(overBodyLimit.json().path("error").asString()).isEqualTo("Body is longer than 16000 characters");
    Api.Answer overlongSender = api.form("/hooks/message", Map.of("From", "+4".repeat(200), "To", "+48225550111",
        "Body", "hi"));
    assertThat(overlongSender.status()).isEqualTo(400);
    assertThat(overlongSender.json().path("error").asString()).contains("from is longer than 320 characters");
  }

  private JsonNode awaitOutcome(String id, String outcome) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      JsonNode interaction = api.get("/api/interactions/" + id).json();
      if (outcome.equals(interaction.path("outcome").asString())) {
        return interaction;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("interaction " + id + " never ended with " + outcome);
  }

  /** The step's message marked sent by the outbox (a reply in the webhook's answer is only marked). */
  private JsonNode awaitDelivered(String id, String nodeId) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      JsonNode interaction = api.get("/api/interactions/" + id).json();
      for (JsonNode step : interaction.path("steps")) {
        if (step.path("nodeId").asString().equals(nodeId)
            && step.path("deliveries").path(0).path("status").asString().equals("sent")) {
          return interaction;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the message of " + nodeId + " was never marked sent");
  }
}
