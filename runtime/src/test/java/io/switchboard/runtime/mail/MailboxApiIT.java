package io.switchboard.runtime.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.switchboard.runtime.api.Api;
import io.switchboard.runtime.api.ApiTestApplication;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

/**
 * The admin's mailbox API against a real IMAP server (GreenMail, IMAPS on loopback): settings checked
 * with a 400 naming the field, the password sealed at rest, kept by a PUT without one and never in
 * any answer, the connection test of saved and unsaved settings, the log, and the OpenAPI document.
 */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:mailboxes;DB_CLOSE_DELAY=-1", "switchboard.mail.polling=false",
        "switchboard.mail.trusted-hosts=127.0.0.1"})
class MailboxApiIT {
  private static final String PASSWORD = "imap-Pa55-word-9f2c";
  static final GreenMail MAIL = new GreenMail(new ServerSetup[] {ServerSetupTest.IMAPS.dynamicPort(),
      ServerSetupTest.IMAP.dynamicPort()});

  static {
    MAIL.start();
    MAIL.setUser("help@example.com", "help", PASSWORD);
  }

  @Value("${local.server.port}")
  int port;
  @Autowired
  DSLContext dsl;

  @AfterAll
  static void stop() {
    MAIL.stop();
  }

  private Map<String, Object> settings(String address) {
    Map<String, Object> body = new HashMap<>(Map.of("address", address, "host", "127.0.0.1",
        "port", MAIL.getImaps().getPort(), "security", "ssl", "username", "help", "password", PASSWORD,
        "queue", "support"));
    return body;
  }

  @Test
  void aMailboxIsKeptWithItsPasswordSealedAndNeverShown() {
    Api api = new Api(port);
    Api.Answer created = api.post("/api/admin/mailboxes", settings("help@example.com"));
    assertThat(created.status()).isEqualTo(201);
    JsonNode view = created.json();
    String id = view.path("id").asString();
    assertThat(view.path("passwordSet").asBoolean()).isTrue();
    assertThat(view.path("folder").asString()).isEqualTo("INBOX");
    assertThat(view.path("pollSeconds").asInt()).isEqualTo(60);
    assertThat(view.path("enabled").asBoolean()).isTrue();
    assertThat(view.has("password")).isFalse();

    Api.Answer test = api.post("/api/admin/mailboxes/" + id + "/test", "");
    assertThat(test.json().path("ok").asBoolean()).as(test.body()).isTrue();
    assertThat(test.json().path("message").asString()).isEqualTo("Connected; INBOX holds 0 messages");

    // a change without the password keeps it: the test still logs in
    Map<String, Object> change = settings("help@example.com");
    change.remove("password");
    change.put("pollSeconds", 30);
    Api.Answer updated = api.put("/api/admin/mailboxes/" + id, tools.jackson.databind.json.JsonMapper.builder().build()
        .writeValueAsString(change));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().path("pollSeconds").asInt()).isEqualTo(30);
    assertThat(api.post("/api/admin/mailboxes/" + id + "/test", "").json().path("ok").asBoolean()).isTrue();

    Map<String, Object> wrong = settings("help@example.com");
    wrong.put("password", "not-it");
    Api.Answer failed = api.post("/api/admin/mailboxes/test", wrong);
    assertThat(failed.json().path("ok").asBoolean()).isFalse();
    assertThat(failed.json().path("message").asString()).startsWith("Login failed");

    // STARTTLS is required when chosen: a server that does not offer it is refused, never read in plain text
    Map<String, Object> starttls = settings("help@example.com");
    starttls.put("security", "starttls");
    starttls.put("port", MAIL.getImap().getPort());
    Api.Answer plain = api.post("/api/admin/mailboxes/test", starttls);
    assertThat(plain.json().path("ok").asBoolean()).isFalse();
    assertThat(plain.json().path("message").asString()).containsIgnoringCase("STARTTLS");

    assertThat(api.get("/api/admin/mailboxes").json().get(0).path("id").asString()).isEqualTo(id);
    assertThat(api.get("/api/admin/mailboxes/" + id).status()).isEqualTo(200);
    assertThat(api.get("/api/admin/mailboxes/" + id + "/log?limit=5").json().size()).isZero();
    assertThat(api.post("/api/admin/mailboxes/" + id + "/poll", "").status()).isEqualTo(200);
    assertThat(api.post("/api/admin/mailboxes", settings("help@example.com")).status()).isEqualTo(409);

    String stored = dsl.fetchValue("SELECT password_sealed FROM mailbox WHERE id = ?", id).toString();
    assertThat(stored).doesNotContain(PASSWORD);
    assertThat(api.bodies()).noneMatch(body -> body.contains(PASSWORD));

    assertThat(api.delete("/api/admin/mailboxes/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/admin/mailboxes/" + id).status()).isEqualTo(404);
  }

  @Test
  void badSettingsAreRefusedNamingTheField() {
    Api api = new Api(port);
    Map<String, String> faults = Map.of("address", "not an address", "security", "tls13", "port", "70000",
        "pollSeconds", "2", "queue", "", "flowId", "no-such-flow", "host", "bad host!");
    faults.forEach((field, value) -> {
      Map<String, Object> body = settings("x-" + field + "@example.com");
      body.put(field, field.equals("port") || field.equals("pollSeconds") ? Integer.parseInt(value) : value);
      Api.Answer answer = api.post("/api/admin/mailboxes", body);
      assertThat(answer.status()).as(field).isEqualTo(400);
      assertThat(answer.json().path("error").asString()).as(field).startsWith(field);
    });
    assertThat(api.get("/api/admin/mailboxes/nope/log").status()).isEqualTo(404);
  }

  @Test
  void theMailboxApiIsInTheOpenApiDocument() {
    String doc = new Api(port).get("/api/docs").body();
    assertThat(doc).contains("/api/admin/mailboxes", "/api/admin/mailboxes/{id}", "/api/admin/mailboxes/{id}/test",
        "/api/admin/mailboxes/test", "/api/admin/mailboxes/{id}/log");
  }
}
