package io.switchboard.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.switchboard.runtime.engine.Engine;
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
    return new HttpDataStep("crm", new HttpDataStep.Definition("GET", server.url("/c?phone={{ input.phone }}"), Map.of(), null,
        1000, auth, null, null), Engine.sandbox(), http);
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
  void theCircuitOpensAfterRepeatedFailuresAndClosesWhenTheServerRecovers() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    boolean[] healthy = {false};
    server.answer(x -> {
      calls.incrementAndGet();
      LocalHttpServer.respond(x, healthy[0] ? 200 : 503, "application/json", "{}");
    });
    HttpDataStep step = new HttpDataStep("flaky", new HttpDataStep.Definition("GET", server.url("/f"), Map.of(), null, 1000,
        null, 4, 300L), Engine.sandbox(), http);

    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> step.call(Map.of())).hasMessageContaining("HTTP 503");
    }
    assertThat(step.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThatThrownBy(() -> step.call(Map.of())).hasMessageContaining("circuit open");
    assertThat(calls).hasValue(4);

    healthy[0] = true;
    Thread.sleep(400);
    assertThat(step.call(Map.of())).isEqualTo(Map.of());
    assertThat(step.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(calls).hasValue(5);
  }
}
