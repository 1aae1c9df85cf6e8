package io.switchboard.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.failure.Failure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registered HTTP data steps against a real server on loopback: authentication and the circuit breaker. */
class HttpDataStepTest {
  private final LocalHttpServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final HttpFetcher http = new HttpFetcher(OutboundGuard.allowing("127.0.0.1"));

  HttpDataStepTest() throws Exception {
    server = new LocalHttpServer();
    server.answer(x -> {
      if (x.getRequestURI().getPath().equals("/token")) {
        tokenRequests.incrementAndGet();
        authorizations.add("token:" + x.getRequestHeaders().getFirst("Authorization"));
        LocalHttpServer.respond(x, 200, "application/json", "{\"access_token\": \"tok-1\", \"expires_in\": 3600}");
        return;
      }
      authorizations.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")) + "|"
          + x.getRequestHeaders().getFirst("X-Key") + "|" + x.getRequestURI().getRawQuery());
      LocalHttpServer.respond(x, 200, "application/json", "{\"ok\": true}");
    });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpDataStep step(StepAuth.Definition auth) {
    return new HttpDataStep(StepDefinition.get("crm", server.url("/c?phone={{ input.phone }}")).withAuth(auth),
        Engine.sandbox(), http);
  }

  private static StepAuth.Definition auth(String kind, String name, String in, String value, String user, String password) {
    return new StepAuth.Definition(kind, name, in, value, user, password, null, null, null, null);
  }

  @Test
  void eachKindOfAuthenticationReachesTheServer() {
    step(auth("api-key", "X-Key", "header", "k-123", null, null)).call(Map.of("phone", "1"));
    step(auth("api-key", "key", "query", "k 456", null, null)).call(Map.of("phone", "2"));
    step(auth("bearer", null, null, "b-789", null, null)).call(Map.of("phone", "3"));
    step(auth("basic", null, null, null, "ann", "s3cret")).call(Map.of("phone", "4"));

    assertThat(authorizations).containsExactly(
        "null|k-123|phone=1",
        "null|null|phone=2&key=k+456",
        "Bearer b-789|null|phone=3",
        "Basic YW5uOnMzY3JldA==|null|phone=4");
  }

  @Test
  void oauth2ClientCredentialsFetchesATokenOnceAndKeepsIt() {
    HttpDataStep step = step(new StepAuth.Definition("oauth2", null, null, null, null, null, server.url("/token"), "client",
        "client-secret", "read"));

    step.call(Map.of("phone", "1"));
    step.call(Map.of("phone", "2"));

    assertThat(tokenRequests).hasValue(1);
    assertThat(authorizations).containsExactly("token:Basic Y2xpZW50OmNsaWVudC1zZWNyZXQ=", "Bearer tok-1|null|phone=1",
        "Bearer tok-1|null|phone=2");
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresAndClosesWhenTheServerRecovers() {
    Engine.MutableClock clock = new Engine.MutableClock();
    AtomicInteger calls = new AtomicInteger();
    boolean[] healthy = {false};
    server.answer(x -> {
      calls.incrementAndGet();
      LocalHttpServer.respond(x, healthy[0] ? 200 : 503, "application/json", "{}");
    });
    HttpDataStep step = new HttpDataStep(new StepDefinition("flaky", "Flaky", null, "GET", server.url("/f"), null, null, null,
        null, null, 1000, new StepDefinition.Retry(1, 0), new StepDefinition.Breaker(4, 300), null, null), Engine.sandbox(), http,
        clock);

    for (int i = 0; i < 4; i++) {
      assertThat(step.call(Map.of()).failure().message()).contains("HTTP 503");
    }
    assertThat(step.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
    Failure paused = step.call(Map.of()).failure();
    assertThat(paused.message()).contains("circuit open");
    assertThat(paused.code()).isEqualTo(Failure.Code.circuit_open);
    assertThat(calls).hasValue(4);

    healthy[0] = true;
    clock.advanceMillis(299);
    assertThat(step.call(Map.of()).failure().code()).as("still open before its time").isEqualTo(Failure.Code.circuit_open);
    clock.advanceMillis(2);
    assertThat(step.call(Map.of()).value()).isEqualTo(Map.of());
    assertThat(step.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(calls).hasValue(5);
  }

  private HttpDataStep stepWith(String url, java.util.Map<String, String> query, String body, int attempts, int backoffMs,
      StepAuth.Definition auth) {
    return new HttpDataStep(new StepDefinition("crm", "CRM", null, body == null ? "GET" : "POST", url, query, null, body,
        List.of(new StepDefinition.Input("phone", null, true, null, null), new StepDefinition.Input("note", null, false, null,
            null)), List.of(new StepDefinition.Output("tier", "string", "$.tier", null)), 1000,
        new StepDefinition.Retry(attempts, backoffMs), null, null, auth), Engine.sandbox(), http);
  }

  @Test
  void transientFailuresAreRetriedWithGrowingPausesAndA4xxIsNot() {
    AtomicInteger calls = new AtomicInteger();
    List<Long> times = new CopyOnWriteArrayList<>();
    server.answer(x -> {
      times.add(System.nanoTime());
      int n = calls.incrementAndGet();
      LocalHttpServer.respond(x, n < 3 ? 503 : n == 3 ? 200 : 404, "application/json", "{\"tier\": \"gold\"}");
    });
    HttpDataStep step = stepWith(server.url("/c"), null, null, 3, 100, null);

    assertThat(step.call(Map.of("phone", "1")).value()).isEqualTo(Map.of("tier", "gold"));
    assertThat(calls).hasValue(3);
    assertThat((times.get(1) - times.get(0)) / 1_000_000).as("first pause").isGreaterThanOrEqualTo(95);
    assertThat((times.get(2) - times.get(1)) / 1_000_000).as("second pause, doubled").isGreaterThanOrEqualTo(195);

    assertThat(step.call(Map.of("phone", "1")).failure().message()).isEqualTo("data step 'crm': the server answered HTTP 404");
    assertThat(calls).as("a 4xx is not retried").hasValue(4);

    server.answer(x -> LocalHttpServer.respond(x, 502, "application/json", "{}"));
    assertThat(step.call(Map.of("phone", "1")).failure().message())
        .isEqualTo("data step 'crm': the server answered HTTP 502 (after 3 attempts)");
  }

  @Test
  void queryParametersThatRenderEmptyAreLeftOutAndBodyValuesAreJsonEscaped() {
    server.answer(x -> LocalHttpServer.respond(x, 200, "application/json", "{\"tier\": \"gold\"}"));
    HttpDataStep step = stepWith(server.url("/c"), new java.util.TreeMap<>(Map.of("phone", "{{ input.phone }}", "note", "{{ input.note }}")),
        "{\"note\": \"{{ input.note }}\"}", 1, 0, null);

    step.call(Map.of("phone", "+48 600"));
    step.call(Map.of("phone", "1", "note", "say \"hi\"\n"));

    assertThat(server.uris()).containsExactly("/c?phone=%2B48+600", "/c?note=say+%22hi%22%0A&phone=1");
    assertThat(server.bodies()).containsExactly("{\"note\": \"\"}", "{\"note\": \"say \\\"hi\\\"\\n\"}");
    assertThat(step.outputs()).isNotNull();
  }

  @Test
  void aSecretNeverAppearsInAFailureMessageNorInTheAnswerAFlowSees() {
    server.answer(x -> LocalHttpServer.respond(x, 200, "application/json", "{\"tier\": \"gold\", \"echo\": \""
        + x.getRequestURI().getRawQuery() + "\"}"));
    HttpDataStep step = stepWith(server.url("/c"), null, null, 1, 0, auth("api-key", "key", "query", "k/456 x", null, null));

    Object answer = step.call(Map.of("phone", "1")).value();
    assertThat(answer.toString()).doesNotContain("k/456").doesNotContain("k%2F456").contains("[redacted]");

    HttpDataStep broken = stepWith("{{ input.phone }}", null, null, 1, 0, auth("api-key", "key", "query", "k/456 x", null, null));
    assertThat(broken.call(Map.of("phone", "ftp://host/k/456 x")).failure().message()).isEqualTo(
        "data step 'crm': 'ftp%3A%2F%2Fhost%2F[redacted]' is not an http or https URL");
  }

  @Test
  void inputsAreCheckedAgainstTheirDeclarationBeforeAnythingIsSent() {
    HttpDataStep step = new HttpDataStep(new StepDefinition("orders", "Orders", null, "GET", server.url("/o"),
        new java.util.TreeMap<>(Map.of("limit", "{{ input.limit }}", "open", "{{ input.open }}")), null, null,
        List.of(new StepDefinition.Input("phone", null, true, null, null), new StepDefinition.Input("limit", "number", false,
            null, null), new StepDefinition.Input("open", "boolean", false, null, null)), null, 1000, null, null, null, null),
        Engine.sandbox(), http);

    assertThat(step.call(Map.of("phone", " ")).failure().message()).isEqualTo("data step 'orders': the required input 'phone' is empty");
    assertThat(step.call(Map.of("phone", "1", "limit", "ten")).failure().message())
        .isEqualTo("data step 'orders': the input 'limit' should be a number, not 'ten'");
    assertThat(step.call(Map.of("phone", "1", "open", "yes")).failure().message())
        .isEqualTo("data step 'orders': the input 'open' should be true or false, not 'yes'");
    assertThat(server.requests()).isZero();

    step.call(Map.of("phone", "1", "limit", "2.5", "open", "TRUE"));
    assertThat(server.uris()).containsExactly("/o?limit=2.5&open=TRUE");
  }

  @Test
  void aValueInThePathStaysInItsSegmentAndADotSegmentIsNeverSent() {
    server.answer(x -> LocalHttpServer.respond(x, 200, "application/json", "{\"tier\": \"gold\"}"));
    HttpDataStep step = stepWith(server.url("/customers/{{ input.phone }}/orders"), null, null, 1, 0, null);

    assertThat(step.call(Map.of("phone", "../../admin?x=1#")).isOk()).isTrue();
    assertThat(step.call(Map.of("phone", "%2e%2E")).isOk()).isTrue();
    for (String dots : List.of("..", ".")) {
      Failure refused = step.call(Map.of("phone", dots)).failure();
      assertThat(refused.code()).isEqualTo(Failure.Code.invalid_request);
      assertThat(refused.message()).contains("segment, which could reach another resource");
    }

    HttpDataStep raw = stepWith(server.url("/customers/{{{ input.phone }}}"), null, null, 1, 0, null);
    assertThat(raw.call(Map.of("phone", "7/%2E%2e/admin")).failure().code()).isEqualTo(Failure.Code.invalid_request);

    assertThat(server.uris()).containsExactly("/customers/..%2F..%2Fadmin%3Fx%3D1%23/orders", "/customers/%252e%252E/orders");
  }

  @Test
  void aRawHoleInTheUrlIsNotEncoded() {
    server.answer(x -> LocalHttpServer.respond(x, 200, "application/json", "{\"tier\": \"gold\"}"));
    HttpDataStep step = stepWith(server.url("/customers/{{{ input.phone }}}?n={{ input.note }}"), null, null, 1, 0, null);

    step.call(Map.of("phone", "7/orders", "note", "a&b"));

    assertThat(server.uris()).containsExactly("/customers/7/orders?n=a%26b");
  }

  @Test
  void aTokenEndpointThatTricklesItsAnswerFailsWithinTheTokenTimeout() {
    server.answer(x -> {
      x.getResponseHeaders().set("Content-Type", "application/json");
      try {
        x.sendResponseHeaders(200, 0);
        for (int i = 0; i < 40; i++) {
          x.getResponseBody().write(' ');
          x.getResponseBody().flush();
          Thread.sleep(300);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.io.IOException closedByTheClient) {
        // the client gave up, as it should
      } finally {
        x.close();
      }
    });
    StepAuth auth = new StepAuth(new StepAuth.Definition("oauth2", null, null, null, null, null, server.url("/token"),
        "client", "client-secret", null), java.time.Clock.systemUTC(), OutboundGuard.allowing("127.0.0.1"),
        java.time.Duration.ofMillis(800));

    long start = System.nanoTime();
    var applied = auth.apply("data step 'crm'", java.net.URI.create(server.url("/c")), new java.util.HashMap<>());

    assertThat(applied.failure().code()).isEqualTo(Failure.Code.timeout);
    assertThat(applied.failure().message()).contains("the token endpoint gave no answer within 800 ms");
    assertThat((System.nanoTime() - start) / 1_000_000).as("bounded by the token timeout, not the trickle").isLessThan(3_000);
  }
}
