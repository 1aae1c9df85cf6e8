package io.switchboard.runtime.connector;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Failure.Code;
import io.switchboard.runtime.failure.Result;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * Sends one HTTP request and reads a JSON answer, through the JDK's HTTP client (HTTP/1.1, kept-alive
 * connections). One attempt only: retrying is the caller's policy.
 */
public final class HttpFetcher {
  private static final int MAX_REDIRECTS = 5;

  private final HttpClient client;
  private final int maxResponseBytes;
  private final OutboundGuard guard;

  /** What came back: the status, the content type and at most the size limit plus one byte of the body. */
  public record Response(URI uri, int status, String contentType, byte[] body) {}

  public HttpFetcher(Duration connectTimeout, int maxResponseBytes, OutboundGuard guard) {
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.maxResponseBytes = maxResponseBytes;
    this.guard = guard;
  }

  public HttpFetcher(OutboundGuard guard) {
    this(Duration.ofSeconds(5), StepDefinition.DEFAULT_MAX_RESPONSE_BYTES, guard);
  }

  public OutboundGuard guard() {
    return guard;
  }

  /**
   * The parsed JSON answer (maps, lists, strings, numbers, booleans, null). Redirects are followed
   * (at most five), each one checked by the outbound guard like the first request.
   */
  public Result<Object> fetch(String stepName, HttpCall call) {
    return fetch(stepName, call, maxResponseBytes);
  }

  public Result<Object> fetch(String stepName, HttpCall call, int maxBytes) {
    return exchange(stepName, call, maxBytes).flatMap(response -> interpret(stepName, response, maxBytes));
  }

  /**
   * Sends the request, following redirects, and reads the answer whatever its status; fails when the
   * guard refuses an address, or the exchange times out or breaks off.
   */
  public Result<Response> exchange(String stepName, HttpCall call, int maxBytes) {
    HttpCall current = call;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      Optional<Failure> refused = guard.check(stepName, current.uri());
      if (refused.isPresent()) {
        return Result.err(refused.get());
      }
      Result<HttpResponse<InputStream>> sent = send(stepName, current);
      if (!(sent instanceof Result.Ok<HttpResponse<InputStream>>(var response))) {
        return sent.cast();
      }
      int status = response.statusCode();
      var location = response.headers().firstValue("Location");
      if (status >= 300 && status < 400 && status != 304 && location.isPresent()) {
        closeQuietly(response);
        URI next = current.uri().resolve(location.get());
        boolean keepsMethod = status == 307 || status == 308;
        current = new HttpCall(keepsMethod ? current.method() : "GET", next, current.headers(),
            keepsMethod ? current.body() : null, current.timeout());
        continue;
      }
      return read(stepName, response, maxBytes);
    }
    return Result.err(Failure.of(Code.invalid_request, stepName + ": more than " + MAX_REDIRECTS + " redirects"));
  }

  /**
   * The JSON in an answer; fails for an error status (retryable for 5xx), an answer over the limit,
   * of another type than JSON, or not parseable.
   */
  public static Result<Object> interpret(String stepName, Response response, int maxBytes) {
    int status = response.status();
    if (status >= 300) {
      return Result.err(new Failure(Code.http_status, stepName + ": the server answered HTTP " + status, status >= 500,
          Map.of("status", status)));
    }
    if (response.body().length > maxBytes) {
      return Result.err(Failure.of(Code.too_large, stepName + ": the answer is larger than " + maxBytes + " bytes")
          .with("limitBytes", maxBytes));
    }
    if (response.body().length == 0 || status == 204) {
      return Result.ok(null);
    }
    String type = response.contentType();
    if (!type.isEmpty() && !type.contains("json")) {
      return Result.err(Failure.of(Code.not_json, stepName + ": the answer is " + type.split(";")[0] + ", not JSON"));
    }
    try {
      return Result.ok(FlowJson.mapper().readValue(response.body(), Object.class));
    } catch (JacksonException e) {
      return Result.err(Failure.of(Code.not_json, stepName + ": the answer is not valid JSON"));
    }
  }

  /** The headers the request goes out with: the call's own, plus Accept and, with a body, Content-Type. */
  public static Map<String, String> headersSent(HttpCall call) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (call.body() != null) {
      headers.put("Content-Type", "application/json");
    }
    headers.putAll(call.headers());
    return headers;
  }

  private static void closeQuietly(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // the connection is dropped either way
    }
  }

  private Result<HttpResponse<InputStream>> send(String stepName, HttpCall call) {
    HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(call.timeout());
    headersSent(call).forEach(request::setHeader);
    request.method(call.method(), call.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(call.body()));
    try {
      return Result.ok(client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    } catch (HttpTimeoutException e) {
      return Result.err(Failure.retryable(Code.timeout, stepName + ": no answer within " + call.timeout().toMillis() + " ms"));
    } catch (ConnectException e) {
      return Result.err(Failure.retryable(Code.connection, stepName + ": could not connect to " + call.uri().getHost()));
    } catch (IOException e) {
      return Result.err(Failure.retryable(Code.connection, stepName + ": connection failed (" + e.getClass().getSimpleName() + ")"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.err(Failure.of(Code.connection, stepName + ": interrupted"));
    } catch (IllegalArgumentException e) {
      return Result.err(Failure.of(Code.invalid_request, stepName + ": the request is not valid (" + e.getMessage() + ")"));
    }
  }

  private static Result<Response> read(String stepName, HttpResponse<InputStream> response, int maxBytes) {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      return Result.ok(new Response(response.uri(), response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), bytes));
    } catch (HttpTimeoutException e) {
      return Result.err(Failure.retryable(Code.timeout, stepName + ": the answer did not arrive in time"));
    } catch (IOException e) {
      return Result.err(Failure.retryable(Code.connection, stepName + ": reading the answer failed ("
          + e.getClass().getSimpleName() + ")"));
    }
  }
}
