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

  public HttpDataStep(String id, Definition definition, JavaScriptSandbox sandbox, HttpFetcher http) {
    ExpressionCompiler expressions = new ExpressionCompiler(sandbox, Set.of("input"));
    this.name = "data step '" + id + "'";
    this.method = definition.method() == null ? "GET" : definition.method().toUpperCase();
    this.url = expressions.template(definition.url());
    definition.headers().forEach((k, v) -> headers.put(k, expressions.template(v)));
    this.body = definition.body() == null ? null : expressions.template(definition.body());
    this.timeout = Duration.ofMillis(definition.timeoutMs());
    this.http = http;
  }

  /** How a data step is described in configuration. */
  public record Definition(String method, String url, Map<String, String> headers, String body, Integer timeoutMs) {
    public Definition {
      headers = headers == null ? Map.of() : headers;
      timeoutMs = timeoutMs == null ? 5000 : timeoutMs;
    }
  }

  @Override
  public Object call(Map<String, Object> input) {
    Map<String, Object> encoded = new LinkedHashMap<>();
    input.forEach((k, v) -> encoded.put(k, v == null ? "" : URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
    URI uri = URI.create(url.render(name -> scope(name, encoded)));
    Map<String, String> rendered = new LinkedHashMap<>();
    headers.forEach((k, v) -> rendered.put(k, v.render(n -> scope(n, input))));
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
