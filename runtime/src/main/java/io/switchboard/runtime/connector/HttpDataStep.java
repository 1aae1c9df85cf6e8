package io.switchboard.runtime.connector;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.switchboard.flow.expr.ExpressionException;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Failure.Code;
import io.switchboard.runtime.failure.Result;
import io.switchboard.runtime.expr.ExpressionCompiler;
import io.switchboard.runtime.expr.JavaScriptSandbox;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A registered HTTP data step. URL, query, headers and body are templates over {@code input.*};
 * values placed in the URL are percent-encoded (unless their hole is raw, {@code {{{ }}}}) and a
 * path with a {@code .} or {@code ..} segment is not sent, values placed in the body are JSON-escaped, and
 * query parameters that render empty are left out. Transient failures are retried with exponential
 * backoff; every attempt goes through the step's circuit breaker. Failure messages never carry a
 * secret.
 */
public final class HttpDataStep implements DataStep {
  private final StepDefinition definition;
  private final String name;
  private final CompiledTemplate url;
  private final Map<String, CompiledTemplate> query = new LinkedHashMap<>();
  private final Map<String, CompiledTemplate> headers = new LinkedHashMap<>();
  private final CompiledTemplate body;
  private final Duration timeout;
  private final HttpFetcher http;
  private final StepAuth auth;
  private final CircuitBreaker breaker;
  private final RetryPolicy retry;
  private final ResponseMapping outputs;

  /**
   * @throws IllegalArgumentException naming a template or JSONPath that does not compile
   */
  public HttpDataStep(StepDefinition definition, JavaScriptSandbox sandbox, HttpFetcher http, Clock clock) {
    ExpressionCompiler expressions = new ExpressionCompiler(sandbox, Set.of("input"));
    this.definition = definition;
    this.name = "data step '" + definition.id() + "'";
    this.url = expressions.template(definition.url()).escaping(UrlEncoding::encode);
    definition.query().forEach((k, v) -> query.put(k, expressions.template(v)));
    definition.headers().forEach((k, v) -> headers.put(k, expressions.template(v)));
    this.body = definition.body() == null ? null : expressions.template(definition.body());
    this.timeout = Duration.ofMillis(definition.timeoutMs());
    this.http = http;
    this.auth = new StepAuth(definition.auth(), clock, http.guard());
    this.breaker = CircuitBreaker.of(definition.id(), CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(definition.breaker().window())
        .minimumNumberOfCalls(definition.breaker().window())
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofMillis(definition.breaker().openMs()))
        .permittedNumberOfCallsInHalfOpenState(1)
        .recordResult(result -> result instanceof Result.Err<?> err && err.failure().retryable())
        .recordException(e -> false)
        .clock(clock)
        .build());
    this.retry = RetryPolicy.of(definition.id(), definition.retry().maxAttempts(), definition.retry().backoffMs());
    this.outputs = ResponseMapping.compile(outputMap(definition));
    KnownSecrets.remember(definition.id(), auth.secretForms());
  }

  public HttpDataStep(StepDefinition definition, JavaScriptSandbox sandbox, HttpFetcher http) {
    this(definition, sandbox, http, Clock.systemUTC());
  }

  private static Map<String, String> outputMap(StepDefinition definition) {
    Map<String, String> map = new LinkedHashMap<>();
    definition.outputs().forEach(o -> map.put(o.variable(), o.path()));
    return map;
  }

  public StepDefinition definition() {
    return definition;
  }

  public CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  @Override
  public ResponseMapping outputs() {
    return outputs;
  }

  /** Hides this step's secrets, in every form they take in a request. */
  public Redactor redactor() {
    return auth.redactor();
  }

  @Override
  public Result<Object> call(Map<String, Object> input) {
    Redactor redactor = redactor();
    return switch (retry.run(() -> attempt(input))) {
      case Result.Ok<Object>(Object answer) -> Result.ok(redactor.isEmpty() ? answer : redactor.redactValues(answer));
      case Result.Err<Object>(Failure failure) -> Result.err(failure.withMessage(redactor.redact(failure.message())));
    };
  }

  private Result<Object> attempt(Map<String, Object> input) {
    if (!breaker.tryAcquirePermission()) {
      return Result.err(Failure.of(Code.circuit_open, name
          + ": paused after repeated failures (circuit open); calls resume shortly"));
    }
    long start = System.nanoTime();
    Result<Object> result = request(input).flatMap(call -> http.fetch(name, call, definition.maxResponseBytes()));
    breaker.onResult(System.nanoTime() - start, TimeUnit.NANOSECONDS, result);
    return result;
  }

  /**
   * The request this step sends for the inputs, authentication included, once, outside the retry
   * policy and the circuit breaker: what the integrators' Test button shows.
   */
  public Result<HttpFetcher.Response> tryOnce(HttpCall call) {
    return http.exchange(name, call, definition.maxResponseBytes());
  }

  /**
   * Renders the request for the inputs, authentication included; fails when an input is missing or
   * not of its declared type, a template fails, or the URL is not a valid http(s) URL.
   */
  public Result<HttpCall> request(Map<String, Object> input) {
    Optional<Failure> misfit = StepInputs.check(name, definition.inputs(), input);
    if (misfit.isPresent()) {
      return Result.err(misfit.get());
    }
    try {
      StringBuilder target = new StringBuilder(url.render(n -> scope(n, input)));
      query.forEach((key, template) -> {
        String value = template.render(n -> scope(n, input));
        if (!value.isEmpty()) {
          target.append(target.indexOf("?") < 0 ? '?' : '&').append(URLEncoder.encode(key, StandardCharsets.UTF_8))
              .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
      });
      Map<String, String> rendered = new LinkedHashMap<>();
      headers.forEach((k, v) -> rendered.put(k, v.render(n -> scope(n, input))));
      String renderedBody = body == null ? null
          : body.render(n -> scope(n, escaped(input, HttpDataStep::jsonEscape)));
      return uri(target.toString())
          .flatMap(uri -> auth.apply(name, uri, rendered))
          .map(uri -> new HttpCall(definition.method(), uri, rendered, renderedBody, timeout));
    } catch (ExpressionException e) {
      // templates over input.* are evaluated by the expression engine, whose failures arrive as exceptions
      return Result.err(Failure.of(Code.expression, name + ": " + e.getMessage()));
    }
  }

  private Result<URI> uri(String target) {
    return UrlEncoding.target(name, target, redactor()::redact, "");
  }

  private static Map<String, Object> escaped(Map<String, Object> input, java.util.function.UnaryOperator<String> escape) {
    Map<String, Object> escaped = new LinkedHashMap<>();
    input.forEach((k, v) -> escaped.put(k, v == null ? "" : v instanceof String s ? escape.apply(s) : v));
    return escaped;
  }

  private static String jsonEscape(String text) {
    String quoted = io.switchboard.flow.json.FlowJson.compact(text);
    return quoted.substring(1, quoted.length() - 1);
  }

  private static Object scope(String name, Map<String, Object> input) {
    if (!"input".equals(name)) {
      throw new ExpressionException(name + " is not defined (a data step sees only input.*)");
    }
    return input;
  }
}
