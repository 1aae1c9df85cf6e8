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
import java.time.Duration;
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

  private static final Duration OUTBOX_INTERVAL = Duration.ofMillis(200);
  private static final Duration OUTBOX_BACKOFF = Duration.ofMillis(200);
  /** How long the dispatcher holds a claimed message (switchboard.outbox-lease); then it is due again. */
  private static final Duration OUTBOX_LEASE = Duration.ofSeconds(3);
  /**
   * How long no e-mail may arrive twice: a duplicate comes from a claim whose lease ran out before
   * its delivery was recorded, so it is sent at the latest one dispatcher round after the lease
   * ends; the window covers the lease and two rounds, one to claim the message and one to deliver it.
   */
  private static final Duration NEVER_TWICE = OUTBOX_LEASE.plus(OUTBOX_INTERVAL.multipliedBy(2));
  /** A bound for conditions, not a window: each wait ends as soon as its condition holds. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void waitingInteractionsTimersAndUnsentEmailSurviveAKill9() throws Exception {
    // kept under target/ so that the application's log can be read after a failure
    Path workDir = Files.createDirectories(Path.of("target", "recovery-it", String.valueOf(System.currentTimeMillis())));
    int smtpPort = AppProcess.freePort();
    String[] properties = {"switchboard.admin.password=" + PASSWORD, "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort,
        "switchboard.outbox-backoff=" + OUTBOX_BACKOFF.toMillis() + "ms",
        "switchboard.outbox-lease=" + OUTBOX_LEASE.toMillis() + "ms",
        "switchboard.outbox-interval=" + OUTBOX_INTERVAL.toMillis() + "ms", "switchboard.timer-interval=200ms"};
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
      assertThat(mail.waitForIncomingEmail(PATIENCE.toMillis(), 2)).isTrue();
      awaitDelivered(second, waitingId);
      awaitDelivered(second, timerId);
      assertThat(mail.waitForIncomingEmail(NEVER_TWICE.toMillis(), 3)).as("no e-mail is sent twice").isFalse();
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
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode interaction = get(app, "/api/interactions/" + id);
      if (interaction.path("status").asString().equals(status)) {
        return interaction;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(id + " never became " + status + ": " + get(app, "/api/interactions/" + id));
  }

  /** Waits until the interaction's e-mail is recorded as sent, so that the window starts after its last claim. */
  private void awaitDelivered(AppProcess app, String id) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode delivery = get(app, "/api/interactions/" + id).path("steps").get(1).path("deliveries").get(0);
      if (delivery.path("status").asString().equals("sent")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the e-mail of " + id + " was never recorded as sent: " + get(app, "/api/interactions/" + id));
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
