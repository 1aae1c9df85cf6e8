package io.switchboard.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.switchboard.runtime.connector.LocalHttpServer;
import io.switchboard.runtime.engine.Engine;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The five reference scenarios end to end through the REST API and the voice webhook, against a
 * real HTTP server for the data steps and a real SMTP server (GreenMail) for e-mail. Both servers
 * live as long as the test JVM, so that the MySQL variant of this class can share them.
 */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:scenarios;DB_CLOSE_DELAY=-1",
        "switchboard.timer-interval=200ms", "switchboard.outbox-interval=200ms", "switchboard.http.allowed-hosts=127.0.0.1",
        "switchboard.knowledge.index-dir=target/scenario-index-${random.uuid}"})
class ScenarioIT {
  static final LocalHttpServer SYSTEMS;
  static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    try {
      SYSTEMS = new LocalHttpServer();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    MAIL.start();
    SYSTEMS.answer(exchange -> {
      String uri = exchange.getRequestURI().toString();
      String body;
      if (uri.startsWith("/crm/")) {
        body = uri.contains("600000001") ? "{\"loyalty\": \"gold\", \"product\": \"router\", \"region\": \"north\", \"priority\": \"high\"}"
            : "{\"loyalty\": \"silver\", \"product\": \"router\", \"region\": \"north\", \"priority\": \"normal\"}";
      } else if (uri.startsWith("/ticketing/")) {
        body = "{\"name\": \"Ann Smith\", \"email\": \"ann@example.com\", \"contract\": {\"active\": " + !uri.contains("600000009") + "}}";
      } else {
        LocalHttpServer.respond(exchange, 404, "application/json", "{}");
        return;
      }
      LocalHttpServer.respond(exchange, 200, "application/json", body);
    });
  }

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
  }

  /** The data steps the examples call, registered through the integrators' API. */
  private void registerDataSteps() {
    api.dataStep("crm-customer", SYSTEMS.url("/crm/customers"), "phone");
    api.dataStep("ticketing-customer", SYSTEMS.url("/ticketing/customers"), "phone");
  }

  @Value("${local.server.port}")
  int port;
  @Autowired
  JavaMailSender mailSender;
  Api api;

  @BeforeEach
  void publishTheExamples() {
    api = new Api(port);
    registerDataSteps();
    for (String id : List.of("priority-routing", "support-call", "email-case", "self-service", "campaign")) {
      if (api.get("/api/flows/" + id).status() == 404) {
        api.publish(Engine.example(id));
      }
    }
  }

  private JsonNode start(String flowId, String channel, String from, String to, Map<String, Object> data) {
    Api.Answer started = api.post("/api/interactions", Map.of("flowId", flowId, "channel", channel, "from", from, "to", to,
        "data", data));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return started.json();
  }

  private JsonNode input(String id, String nodeId, String answer, Map<String, Object> fields) {
    Api.Answer answered = api.post("/api/interactions/" + id + "/input", Map.of("nodeId", nodeId, "answer", answer, "fields", fields));
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    return answered.json();
  }

  private JsonNode get(String id) {
    return api.get("/api/interactions/" + id).json();
  }

  @Test
  void priorityRoutingGoldCallersDialTheVipSipAddressOthersQueue() {
    Api.Answer gold = api.form("/hooks/voice", Map.of("From", "+48600000001", "To", "+48221234567", "CallSid", "CA1"));
    Api.Answer silver = api.form("/hooks/voice", Map.of("From", "+48600000002", "To", "+48221234567", "CallSid", "CA2"));
    Api.Answer unknown = api.form("/hooks/voice", Map.of("From", "+48600000002", "To", "+48000000000"));

    assertThat(gold.status()).isEqualTo(200);
    assertThat(gold.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
    assertThat(gold.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial><Sip>sip:vip@pbx.example.com</Sip></Dial></Response>");
    assertThat(silver.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Enqueue>regular</Enqueue></Response>");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("not in service");

    JsonNode call = get(gold.raw().headers().firstValue("X-Switchboard-Interaction").orElseThrow());
    assertThat(call.path("status").asString()).isEqualTo("completed");
    assertThat(call.path("variables").path("loyalty").asString()).isEqualTo("gold");
    assertThat(call.path("steps").findValuesAsString("port")).containsExactly("next", "ok", "vip", "connected");
    assertThat(api.form("/hooks/voice", Map.of("From", "", "To", "+48221234567")).status()).isEqualTo(400);
  }

  @Test
  void supportCallUnsolvedOpensAndEscalatesACaseAndEmailsTheCustomer() throws Exception {
    MAIL.purgeEmailFromAllMailboxes();
    Api.Answer call = api.form("/hooks/voice", Map.of("From", "+48600000005", "To", "+48225550100", "CallSid", "CA5"));
    assertThat(call.body()).contains("<Enqueue>agents</Enqueue>");
    String id = call.raw().headers().firstValue("X-Switchboard-Interaction").orElseThrow();
    JsonNode waiting = get(id);
    assertThat(waiting.path("waitingFor").path("nodeId").asString()).isEqualTo("welcome");
    assertThat(waiting.path("waitingFor").path("details").path("prompt").asString()).startsWith("Good morning Ann Smith");

    JsonNode troubleshoot = input(id, "welcome", "continue", Map.of("problem", "router blinks red"));
    assertThat(troubleshoot.path("waitingFor").path("nodeId").asString()).isEqualTo("troubleshoot");
    JsonNode done = input(id, "troubleshoot", "unsolved", Map.of("urgency", "high"));

    String ticketId = done.path("variables").path("ticketId").asString();
    assertThat(done.path("status").asString()).isEqualTo("completed");
    assertThat(done.path("outcome").asString()).isEqualTo("case " + ticketId);
    assertThat(done.path("priority").asString()).isEqualTo("urgent");
    assertThat(done.path("queue").asString()).isEqualTo("second-line");
    assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage mail = MAIL.getReceivedMessagesForDomain("example.com")[0];
    assertThat(mail.getSubject()).isEqualTo("Your case " + ticketId);
    assertThat(mail.getMessageID()).isEqualTo("<" + id + ":" + findStep(get(id), "case-update").path("seq").asInt() + "@switchboard>");
    assertThat(api.get("/api/alerts").body()).contains("Urgent case " + ticketId + " for Ann Smith: router blinks red");
    JsonNode caseUpdate = findStep(awaitDelivered(id, "case-update"), "case-update");
    assertThat(caseUpdate.path("deliveries").get(0).path("status").asString()).isEqualTo("sent");
  }

  @Test
  void supportCallWithoutContractAlertsTheAgentAndSolvedEmailsTheFix() throws Exception {
    MAIL.purgeEmailFromAllMailboxes();
    Api.Answer call = api.form("/hooks/voice", Map.of("From", "+48600000009", "To", "+48225550100"));
    String id = call.raw().headers().firstValue("X-Switchboard-Interaction").orElseThrow();
    input(id, "welcome", "continue", Map.of("problem", "no internet"));

    JsonNode done = input(id, "troubleshoot", "solved", Map.of());

    assertThat(done.path("outcome").asString()).isEqualTo("fixed");
    assertThat(api.get("/api/alerts").body()).contains("Ann Smith has no active support contract");
    assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
    assertThat(MAIL.getReceivedMessages()[0].getSubject()).isEqualTo("How to fix: no internet");
  }

  @Test
  void theOutboxMailSenderHasTheRuntimesSmtpTimeouts() {
    assertThat(((JavaMailSenderImpl) mailSender).getJavaMailProperties())
        .containsEntry("mail.smtp.connectiontimeout", "10000")
        .containsEntry("mail.smtp.timeout", "30000")
        .containsEntry("mail.smtp.writetimeout", "30000");
  }

  @Test
  void emailCaseOpensACaseAndTheCustomersReplyLandsInIt() {
    JsonNode started = start("email-case", "email", "bob@example.com", "support@example.com", Map.of("subject", "Printer broken"));
    String id = started.path("id").asString();
    assertThat(started.path("status").asString()).isEqualTo("waiting");
    assertThat(started.path("waitingFor").path("event").asString()).isEqualTo("customer-reply");
    assertThat(started.path("instruction").path("target").asString()).isEqualTo("support");

    Api.Answer wrong = api.post("/api/interactions/" + id + "/events", Map.of("name", "other", "data", Map.of()));
    assertThat(wrong.status()).isEqualTo(409);
    Api.Answer replied = api.post("/api/interactions/" + id + "/events", Map.of("name", "customer-reply",
        "data", Map.of("text", "Still broken")));

    assertThat(replied.status()).isEqualTo(200);
    assertThat(replied.json().path("outcome").asString()).isEqualTo("replied");
    assertThat(replied.json().path("variables").path("reply").path("text").asString()).isEqualTo("Still broken");
  }

  @Test
  void emailCaseWithoutAReplyInTimeRaisesAnAlertWhenTheTimerFires() throws Exception {
    String quick = Engine.example("email-case").replace("\"email-case\"", "\"email-case-quick\"")
        .replace("support@example.com", "quick@example.com").replace("\"seconds\": 172800", "\"seconds\": 1");
    api.publish(quick);
    String id = start("email-case-quick", "email", "bob@example.com", "quick@example.com", Map.of("subject", "Hello")).path("id").asString();

    JsonNode done = awaitStatus(id, "completed");

    assertThat(done.path("outcome").asString()).isEqualTo("no reply");
    assertThat(findStep(done, "await-reply").path("port").asString()).isEqualTo("timeout");
  }

  /** The whole scenario with a seeded knowledge base is io.switchboard.runtime.messages.SelfServiceIT; here nothing answers. */
  @Test
  void selfServiceOpensACaseAndRoutesWhenTheKnowledgeBaseHasNoAnswer() {
    assertThat(api.put("/api/queues/router-north", "{\"name\": \"Routers, north\", \"members\": [], "
        + "\"maxWaitSeconds\": 600}").status()).isEqualTo(200);
    Api.Answer message = api.form("/hooks/message", Map.of("From", "+48600000001", "To", "+48225550199", "Body", "Hello"));
    assertThat(message.status()).isEqualTo(200);
    assertThat(message.body()).contains("<Message>Thank you. A person will get back to you shortly; your case number is ");

    JsonNode routed = get(message.raw().headers().firstValue("X-Switchboard-Interaction").orElseThrow());
    assertThat(routed.path("status").asString()).as("routed: waiting for an agent").isEqualTo("waiting");
    assertThat(routed.path("waitingFor").path("kind").asString()).isEqualTo("queue");
    assertThat(routed.path("queue").asString()).isEqualTo("router-north");
    assertThat(routed.path("variables").path("priority").asString()).isEqualTo("high");
    assertThat(routed.path("priority").asString()).as("the route step's priority expression").isEqualTo("high");
    assertThat(routed.path("waitingFor").path("details").path("requirements").path("skills").get(0).path("skill")
        .asString()).isEqualTo("product:router");
  }

  @Test
  void campaignEntryRunsTheScriptAndRecordsTheOrder() {
    JsonNode entry = start("campaign", "call-list", "+48600000007", "renewals-2026", Map.of("name", "Carl"));
    assertThat(entry.path("waitingFor").path("details").path("prompt").asString()).startsWith("Hello Carl, your contract ends soon.");

    JsonNode done = input(entry.path("id").asString(), "pitch", "interested", Map.of("notes", "wants 2 years"));

    assertThat(done.path("outcome").asString()).isEqualTo("renewal");
    assertThat(done.path("variables").path("notes").asString()).isEqualTo("wants 2 years");
    assertThat(done.path("variables").path("ticketId").asString()).isNotBlank();
  }

  /** The last step of a node (a waiting node has one step when it waits and one when it resumes). */
  private static JsonNode findStep(JsonNode interaction, String nodeId) {
    JsonNode found = null;
    for (JsonNode step : interaction.path("steps")) {
      if (step.path("nodeId").asString().equals(nodeId)) {
        found = step;
      }
    }
    if (found == null) {
      throw new AssertionError("no step " + nodeId + " in " + interaction);
    }
    return found;
  }

  private JsonNode awaitStatus(String id, String status) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      JsonNode interaction = get(id);
      if (interaction.path("status").asString().equals(status)) {
        return interaction;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("interaction " + id + " never became " + status + ": " + get(id));
  }

  private JsonNode awaitDelivered(String id, String nodeId) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      JsonNode interaction = get(id);
      if (findStep(interaction, nodeId).path("deliveries").path(0).path("status").asString().equals("sent")) {
        return interaction;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the e-mail of " + nodeId + " was never marked sent: " + get(id));
  }
}
