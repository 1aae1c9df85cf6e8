package io.switchboard.runtime.node.fetch;

import io.switchboard.flow.model.config.FetchConfig;
import io.switchboard.runtime.connector.HttpCall;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.connector.UrlEncoding;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.expr.ExpressionCompiler;
import io.switchboard.runtime.failure.Result;
import io.switchboard.runtime.node.StepContext;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The HTTP request written into a fetch node. Its templates read the flow's variables, so it is
 * rendered against the step's context rather than the inputs map. Values placed in the URL are
 * percent-encoded unless their hole is raw ({@code {{{ }}}}), and a URL whose path has a {@code .}
 * or {@code ..} segment is not sent.
 */
final class InlineRequest {
  private final String name;
  private final String method;
  private final CompiledTemplate url;
  private final String hint;
  private final Map<String, CompiledTemplate> headers = new LinkedHashMap<>();
  private final CompiledTemplate body;
  private final HttpFetcher http;
  private final Duration timeout;

  InlineRequest(String name, FetchConfig.HttpRequestConfig request, ExpressionCompiler expressions, HttpFetcher http,
      Duration timeout) {
    this.name = name;
    this.method = request.method();
    this.url = expressions.template(request.url()).escaping(UrlEncoding::encode);
    this.hint = request.url().startsWith("{{") && !request.url().startsWith("{{{")
        ? "; a value that gives the scheme and host goes in raw, as {{{ value }}}" : "";
    request.headers().forEach((k, v) -> headers.put(k, expressions.template(v)));
    this.body = request.body() == null ? null : expressions.template(request.body());
    this.http = http;
    this.timeout = timeout;
  }

  Result<Object> call(StepContext context) {
    Result<String> target = context.render(url);
    if (!target.isOk()) {
      return target.cast();
    }
    Result<URI> checked = UrlEncoding.target(name, target.value(), UnaryOperator.identity(), hint);
    if (!(checked instanceof Result.Ok<URI>(URI uri))) {
      return checked.cast();
    }
    Map<String, String> rendered = new LinkedHashMap<>();
    for (Map.Entry<String, CompiledTemplate> header : headers.entrySet()) {
      Result<String> value = context.render(header.getValue());
      if (!value.isOk()) {
        return value.cast();
      }
      rendered.put(header.getKey(), value.value());
    }
    Result<String> renderedBody = body == null ? Result.ok(null) : context.render(body);
    return renderedBody.flatMap(text -> http.fetch(name, new HttpCall(method, uri, rendered, text, timeout)));
  }
}
