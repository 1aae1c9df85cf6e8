package io.switchboard.designer;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.switchboard.flow.json.FlowJson;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The durability promise: after kill -9 and a restart on the same H2 file, a waiting interaction
 * continues, its timer fires, and an e-mail that could not be sent before the crash is sent once.
 */
class RecoveryIT {
  private static final String FLOW = """
      {"format": "switchboard.flow/1", "id": "recovery", "name": "Recovery",
       "variables": [{"name": "name", "type": "string"}],
       "nodes": [
         {"id": "t", "type": "trigger", "config": {"channel": "message", "address": "recovery"}},
         {"id": "m", "type": "email", "config": {"to": "ann@example.com", "subject": "Hello {{ name }}", "body": "Body"}},
         {"id": "s", "type": "script", "config": {"prompt": "Go on?", "answers": [{"port": "yes", "label": "Yes"}]}},
         {"id": "w", "type": "wait", "config": {"seconds": 4}},
         {"id": "e", "type": "end", "config": {"outcome": "finished"}}],
       "edges": [{"from": "t", "port": "next", "to": "m"}, {"from": "m", "port": "sent", "to": "s"},
                 {"from": "m", "port": "failed", "to": "e"}, {"from": "s", "port": "yes", "to": "w"},
                 {"from": "w", "port": "next", "to": "e"}, {"from": "w", "port": "timeout", "to": "e"}]}
      """;

  private static final String PASSWORD = "recovery-admin-password";
  private static final String AUTHORIZATION = "Basic " + java.util.Base64.getEncoder()
      .encodeToString(("admin:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void waitingInteractionsTimersAndUnsentEmailSurviveAKill9() throws Exception {
    // kept under target/ so that the application's log can be read after a failure
    Path workDir = Files.createDirectories(Path.of("target", "recovery-it", String.valueOf(System.currentTimeMillis())));
    int smtpPort = AppProcess.freePort();
    String[] properties = {"switchboard.admin.password=" + PASSWORD, "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort,
        "switchboard.outbox-backoff=200ms", "switchboard.outbox-interval=200ms", "switchboard.timer-interval=200ms"};
    Path log = workDir.resolve("app.log");
    String waitingId;
    String timerId;
    try (AppProcess first = AppProcess.start(workDir, log, properties)) {
      put(first, "/api/flows/recovery", FLOW);
      post(first, "/api/flows/recovery/publish", "{}");
      waitingId = post(first, "/api/interactions", "{\"flowId\": \"recovery\", \"variables\": {\"name\": \"Ann\"}}").path("id").asString();
      timerId = post(first, "/api/interactions", "{\"flowId\": \"recovery\", \"variables\": {\"name\": \"Bob\"}}").path("id").asString();
      post(first, "/api/interactions/" + timerId + "/input", "{\"nodeId\": \"s\", \"answer\": \"yes\"}");
      assertThat(get(first, "/api/interactions/" + waitingId).path("steps").get(1).path("deliveries").get(0)
          .path("status").asString()).as("no SMTP server yet: the e-mail waits in the outbox").isNotEqualTo("sent");
      first.kill();
    }

    GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
    mail.start();
    try (AppProcess second = AppProcess.start(workDir, log, properties)) {
      assertThat(mail.waitForIncomingEmail(15_000, 2)).isTrue();
      Thread.sleep(1000);
      MimeMessage[] received = mail.getReceivedMessages();
      assertThat(received).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder("Hello Ann", "Hello Bob");

      JsonNode resumed = post(second, "/api/interactions/" + waitingId + "/input", "{\"nodeId\": \"s\", \"answer\": \"yes\"}");
      assertThat(resumed.path("status").asString()).isEqualTo("waiting");
      assertThat(awaitStatus(second, timerId, "completed").path("outcome").asString()).isEqualTo("finished");
      assertThat(awaitStatus(second, waitingId, "completed").path("outcome").asString()).isEqualTo("finished");
    } finally {
      mail.stop();
    }
    assertThat(Files.readString(log)).doesNotContain("ERROR");
  }

  private JsonNode awaitStatus(AppProcess app, String id, String status) throws Exception {
    for (int i = 0; i < 150; i++) {
      JsonNode interaction = get(app, "/api/interactions/" + id);
      if (interaction.path("status").asString().equals(status)) {
        return interaction;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(id + " never became " + status + ": " + get(app, "/api/interactions/" + id));
  }

  private JsonNode get(AppProcess app, String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(app.url(path))).GET(), 200);
  }

  private JsonNode post(AppProcess app, String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), -1);
  }

  private void put(AppProcess app, String path, String body) throws Exception {
    send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)), 200);
  }

  private JsonNode send(HttpRequest.Builder request, int expected) throws Exception {
    HttpResponse<String> answer = http.send(request.header("Authorization", AUTHORIZATION).build(),
        HttpResponse.BodyHandlers.ofString());
    if (expected > 0 && answer.statusCode() != expected || answer.statusCode() >= 400) {
      throw new AssertionError(answer.statusCode() + " " + answer.body());
    }
    return FlowJson.readTree(answer.body());
  }

}
