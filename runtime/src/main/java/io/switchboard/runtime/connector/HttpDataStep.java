package io.switchboard.runtime.connector;

import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.expr.ExpressionCompiler;
import io.switchboard.runtime.expr.JavaScriptSandbox;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * A registered HTTP data step: URL, headers and body are templates over {@code input.*}; values
 * placed in the URL are URL-encoded.
 */
public final class HttpDataStep implements DataStep {
  private final String name;
  private final String method;
  private final CompiledTemplate url;
  private final Map<String, CompiledTemplate> headers = new LinkedHashMap<>();
  private final CompiledTemplate body;
  private final Duration timeout;
  private final HttpFetcher http;
  private final StepAuth auth;
  private final CircuitBreaker breaker;

  public HttpDataStep(String id, Definition definition, JavaScriptSandbox sandbox, HttpFetcher http) {
    ExpressionCompiler expressions = new ExpressionCompiler(sandbox, Set.of("input"));
    this.name = "data step '" + id + "'";
    this.method = definition.method() == null ? "GET" : definition.method().toUpperCase();
    this.url = expressions.template(definition.url());
    definition.headers().forEach((k, v) -> headers.put(k, expressions.template(v)));
    this.body = definition.body() == null ? null : expressions.template(definition.body());
    this.timeout = Duration.ofMillis(definition.timeoutMs());
    this.http = http;
    this.auth = new StepAuth(definition.auth(), java.time.Clock.systemUTC(), http.guard());
    this.breaker = CircuitBreaker.of(id, CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(definition.breakerWindow())
        .minimumNumberOfCalls(definition.breakerWindow())
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofMillis(definition.breakerOpenMs()))
        .permittedNumberOfCallsInHalfOpenState(1)
        .recordException(e -> e instanceof DataStepException d && d.isTransient())
        .build());
  }

  /**
   * How a data step is described in configuration. The circuit breaker opens when half of the last
   * {@code breakerWindow} calls failed with timeouts, connection errors or 5xx, and lets one call
   * through again after {@code breakerOpenMs}.
   */
  public record Definition(String method, String url, Map<String, String> headers, String body, Integer timeoutMs,
      StepAuth.Definition auth, Integer breakerWindow, Long breakerOpenMs) {
    public Definition {
      headers = headers == null ? Map.of() : headers;
      timeoutMs = timeoutMs == null ? 5000 : timeoutMs;
      breakerWindow = breakerWindow == null ? 10 : breakerWindow;
      breakerOpenMs = breakerOpenMs == null ? 30_000L : breakerOpenMs;
    }

    /** A step without authentication and with the default circuit breaker. */
    public static Definition plain(String method, String url, Map<String, String> headers, String body, Integer timeoutMs) {
      return new Definition(method, url, headers, body, timeoutMs, null, null, null);
    }
  }

  public CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  @Override
  public Object call(Map<String, Object> input) {
    if (!breaker.tryAcquirePermission()) {
      throw new DataStepException(name + ": paused after repeated failures (circuit open); calls resume shortly", false);
    }
    long start = System.nanoTime();
    try {
      Object answer = send(input);
      breaker.onSuccess(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      return answer;
    } catch (DataStepException e) {
      breaker.onError(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, e);
      throw e;
    }
  }

  private Object send(Map<String, Object> input) {
    Map<String, Object> encoded = new LinkedHashMap<>();
    input.forEach((k, v) -> encoded.put(k, v == null ? "" : URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
    Map<String, String> rendered = new LinkedHashMap<>();
    headers.forEach((k, v) -> rendered.put(k, v.render(n -> scope(n, input))));
    URI uri = auth.apply(name, URI.create(url.render(n -> scope(n, encoded))), rendered);
    String renderedBody = body == null ? null : body.render(n -> scope(n, input));
    return http.fetch(name, new HttpCall(method, uri, rendered, renderedBody, timeout));
  }

  private static Object scope(String name, Map<String, Object> input) {
    if (!"input".equals(name)) {
      throw new io.switchboard.flow.expr.ExpressionException(name + " is not defined (a data step sees only input.*)");
    }
    return input;
  }
}
