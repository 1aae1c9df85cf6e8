package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.connector.HttpDataStep;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.connector.LocalHttpServer;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.failure.Failure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fetch node against a real HTTP server on loopback. */
class FetchExecutorTest extends ExecutorTestSupport {
  private final LocalHttpServer server;

  FetchExecutorTest() throws Exception {
    server = new LocalHttpServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String inline(String extra) {
    return """
        {"id": "f", "type": "fetch", "config": {"request": {"method": "POST", "url": "%s?phone={{ trigger.from }}",
           "headers": {"X-Tenant": "acme"}, "body": "{\\"phone\\": \\"{{ trigger.from }}\\"}"},
          "output": {"tier": "$.loyalty.tier", "first": "$.orders[0].id", "ids": "$.orders[*].id"}, "backoffMs": 1 %s}},
        {"id": "ok", "type": "end", "config": {"outcome": "ok"}},
        {"id": "ko", "type": "end", "config": {"outcome": "error"}}""".formatted(server.url("/customers"), extra);
  }

  private static final String EDGES = """
      {"from": "t", "port": "next", "to": "f"}, {"from": "f", "port": "ok", "to": "ok"}, {"from": "f", "port": "error", "to": "ko"}""";
  private static final String VARIABLES = """
      [{"name": "tier", "type": "string"}, {"name": "first", "type": "number"}, {"name": "ids", "type": "array"}]""";

  private Interaction fetch(String extra) {
    return run("voice", VARIABLES, inline(extra), EDGES, Map.of("from", "+48600"), Map.of());
  }

  @Test
  void sendsTheTemplatedRequestAndMapsTheAnswerByJsonPath() {
    server.answer(x -> LocalHttpServer.respond(x, 200, "application/json",
        "{\"loyalty\": {\"tier\": \"gold\"}, \"orders\": [{\"id\": 7}, {\"id\": 9}]}"));

    Interaction it = fetch("");

    assertThat(it.outcome()).isEqualTo("ok");
    assertThat(it.variables()).containsEntry("tier", "gold").containsEntry("first", 7);
    assertThat(it.variables().get("ids")).asList().containsExactly(7, 9);
    assertThat(server.uris()).containsExactly("/customers?phone=%2B48600");
    assertThat(server.bodies()).containsExactly("{\"phone\": \"+48600\"}");
    assertThat(step(it, "f").changes()).containsOnlyKeys("tier", "first", "ids");
  }

  @Test
  void retriesServerErrorsWithBackoffThenSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    server.answer(x -> {
      if (calls.incrementAndGet() < 3) {
        LocalHttpServer.respond(x, 503, "application/json", "{}");
      } else {
        LocalHttpServer.respond(x, 200, "application/json", "{\"loyalty\": {\"tier\": \"silver\"}}");
      }
    });

    Interaction it = fetch(", \"retries\": 2");

    assertThat(it.variables()).containsEntry("tier", "silver");
    assertThat(server.requests()).isEqualTo(3);
  }

  @Test
  void givesUpAfterTheLastRetryAndTakesTheErrorPort() {
    server.answer(x -> LocalHttpServer.respond(x, 502, "application/json", "{}"));

    Interaction it = fetch(", \"retries\": 3");

    assertThat(it.outcome()).isEqualTo("error");
    assertThat(server.requests()).isEqualTo(4);
    assertThat(step(it, "f").error().message()).contains("HTTP 502").contains("after 4 attempts");
  }

  @Test
  void clientErrorsAreNotRetried() {
    server.answer(x -> LocalHttpServer.respond(x, 404, "application/json", "{\"secret\": \"do not echo\"}"));

    Interaction it = fetch(", \"retries\": 3");

    assertThat(server.requests()).isEqualTo(1);
    assertThat(step(it, "f").error().message()).contains("HTTP 404").doesNotContain("do not echo");
    assertThat(step(it, "f").error().code()).isEqualTo(io.switchboard.runtime.failure.Failure.Code.http_status);
    assertThat(step(it, "f").error().details()).containsEntry("status", 404);
  }

  @Test
  void aSlowServerTimesOutAndIsRetried() {
    server.answer(x -> {
      try {
        new CountDownLatch(1).await(); // never answers: closing the server after the test interrupts this
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    Interaction it = fetch(", \"retries\": 1, \"timeoutMs\": 200");

    assertThat(it.outcome()).isEqualTo("error");
    assertThat(step(it, "f").error().message()).contains("no answer within 200 ms");
    assertThat(step(it, "f").error().code()).isEqualTo(io.switchboard.runtime.failure.Failure.Code.timeout);
    assertThat(step(it, "f").error().retryable()).isTrue();
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void anAnswerThatIsNotJsonFailsTheStep() {
    server.answer(x -> LocalHttpServer.respond(x, 200, "text/html", "<html>login</html>"));

    Interaction it = fetch("");

    assertThat(step(it, "f").error().message()).contains("the answer is text/html, not JSON");
    assertThat(step(it, "f").error().code()).isEqualTo(io.switchboard.runtime.failure.Failure.Code.not_json);
  }

  @Test
  void anOversizedAnswerFailsTheStep() {
    server.answer(x -> LocalHttpServer.respond(x, 200, "application/json", "[\"" + "x".repeat(2 << 20) + "\"]"));

    Interaction it = fetch("");

    assertThat(step(it, "f").error().message()).contains("larger than 1048576 bytes");
    assertThat(step(it, "f").error().code()).isEqualTo(io.switchboard.runtime.failure.Failure.Code.too_large);
  }

  @Test
  void aRefusedConnectionIsReportedWithoutFailingTheServer() {
    server.close();

    Interaction it = fetch(", \"retries\": 1");

    assertThat(it.status()).isEqualTo(InteractionStatus.completed);
    assertThat(step(it, "f").error().message()).contains("could not connect");
    assertThat(step(it, "f").error().code()).isEqualTo(io.switchboard.runtime.failure.Failure.Code.connection);
  }

  @Test
  void aRegisteredDataStepReceivesItsInputsUrlEncoded() {
    server.answer(x -> LocalHttpServer.respond(x, 200, "application/json", "{\"loyalty\": {\"tier\": \"platinum\"}}"));
    engine.dataSteps.register("crm", new HttpDataStep(io.switchboard.runtime.connector.StepDefinition.get("crm",
        server.url("/c?phone={{ input.phone }}")), Engine.sandbox(), new HttpFetcher(io.switchboard.runtime.connector.OutboundGuard.allowing("127.0.0.1"))));

    Interaction it = run("voice", VARIABLES, """
        {"id": "f", "type": "fetch", "config": {"step": "crm", "input": {"phone": "{{ trigger.from }} x&y"},
          "output": {"tier": "$.loyalty.tier"}}},
        {"id": "ok", "type": "end", "config": {"outcome": "ok"}},
        {"id": "ko", "type": "end", "config": {"outcome": "error"}}""", EDGES, Map.of("from", "+48600"), Map.of());

    assertThat(it.variables()).containsEntry("tier", "platinum");
    assertThat(server.uris()).containsExactly("/c?phone=%2B48600%20x%26y");
  }

  private Interaction get(String url, String from, Map<String, Object> variables) {
    String declared = VARIABLES.replace("]", ", {\"name\": \"base\", \"type\": \"string\"}, {\"name\": \"query\", \"type\": \"string\"}]");
    return run("voice", declared, """
        {"id": "f", "type": "fetch", "config": {"request": {"url": "%s"}, "output": {"tier": "$.loyalty.tier"}, "retries": 0}},
        {"id": "ok", "type": "end", "config": {"outcome": "ok"}},
        {"id": "ko", "type": "end", "config": {"outcome": "error"}}""".formatted(url), EDGES, Map.of("from", from), variables);
  }

  @Test
  void aCallersValueStaysInsideItsPathSegmentAndItsQueryValue() {
    server.answer(x -> LocalHttpServer.respond(x, 200, "application/json", "{}"));

    Interaction it = get(server.url("/customers/") + "{{ trigger.from }}?phone={{ trigger.from }}&src=ivr",
        "../../admin/delete-all?confirm=yes#", Map.of());

    assertThat(it.outcome()).isEqualTo("ok");
    assertThat(server.uris()).containsExactly("/customers/..%2F..%2Fadmin%2Fdelete-all%3Fconfirm%3Dyes%23"
        + "?phone=..%2F..%2Fadmin%2Fdelete-all%3Fconfirm%3Dyes%23&src=ivr");
  }

  @Test
  void aDotSegmentInThePathIsNeverSent() {
    server.answer(x -> LocalHttpServer.respond(x, 200, "application/json", "{}"));
    List<Interaction> refused = new java.util.ArrayList<>();
    for (String dots : List.of("..", ".")) {
      refused.add(get(server.url("/customers/") + "{{ trigger.from }}/orders", dots, Map.of()));
    }
    for (String dots : List.of("..", ".", "%2e%2E")) {
      refused.add(get(server.url("/customers/") + "{{{ trigger.from }}}/orders", "a/" + dots + "/b", Map.of()));
    }

    assertThat(refused).allSatisfy(it -> {
      assertThat(it.outcome()).isEqualTo("error");
      assertThat(step(it, "f").error().code()).isEqualTo(Failure.Code.invalid_request);
      assertThat(step(it, "f").error().message()).contains("segment, which could reach another resource");
    });
    assertThat(server.requests()).isZero();

    get(server.url("/customers/") + "{{ trigger.from }}/orders", "%2e%2E", Map.of());
    assertThat(server.uris()).containsExactly("/customers/%252e%252E/orders");
  }

  @Test
  void aRawHoleGoesIntoTheUrlAsWritten() {
    server.answer(x -> LocalHttpServer.respond(x, 200, "application/json", "{\"loyalty\": {\"tier\": \"gold\"}}"));

    Interaction it = get("{{{ base }}}/customers/{{ trigger.from }}?{{{ query }}}", "+1 2/3",
        Map.of("base", server.url("/v2"), "query", "a=1&b=%2B2"));

    assertThat(it.variables()).containsEntry("tier", "gold");
    assertThat(server.uris()).containsExactly("/v2/customers/%2B1%202%2F3?a=1&b=%2B2");
  }

  @Test
  void aValueThatWouldGiveTheHostIsEncodedUnlessRaw() {
    Interaction it = get("{{ base }}/customers", "+1", Map.of("base", server.url("")));

    assertThat(step(it, "f").error().code()).isEqualTo(Failure.Code.invalid_request);
    assertThat(step(it, "f").error().message()).contains("is not an http or https URL")
        .contains("a value that gives the scheme and host goes in raw, as {{{ value }}}");
    assertThat(server.requests()).isZero();
  }
}
