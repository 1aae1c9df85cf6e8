package io.switchboard.runtime.connector;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Failure.Code;
import io.switchboard.runtime.failure.Result;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  /** One request's answer and, for a redirect, where it points (else null). */
  private record Hop(Response response, String location) {}

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
   * guard refuses an address, or the exchange times out or breaks off. The call's timeout is one
   * deadline for the whole exchange: connecting, the headers and the body of every hop, so that a
   * server trickling its answer cannot hold the caller past it.
   */
  public Result<Response> exchange(String stepName, HttpCall call, int maxBytes) {
    long deadline = System.nanoTime() + call.timeout().toNanos();
    HttpCall current = call;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      Optional<Failure> refused = guard.check(stepName, current.uri());
      if (refused.isPresent()) {
        return Result.err(refused.get());
      }
      Result<Hop> sent = send(stepName, current, maxBytes, deadline);
      if (!(sent instanceof Result.Ok<Hop>(var answered))) {
        return sent.cast();
      }
      int status = answered.response().status();
      if (isRedirect(status) && answered.location() != null) {
        URI next = current.uri().resolve(answered.location());
        boolean keepsMethod = status == 307 || status == 308;
        current = new HttpCall(keepsMethod ? current.method() : "GET", next, current.headers(),
            keepsMethod ? current.body() : null, current.timeout());
        continue;
      }
      return Result.ok(answered.response());
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

  private static boolean isRedirect(int status) {
    return status >= 300 && status < 400 && status != 304;
  }

  private Result<Hop> send(String stepName, HttpCall call, int maxBytes, long deadline) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      return Result.err(timedOut(stepName, call));
    }
    CompletableFuture<HttpResponse<byte[]>> answer;
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(Duration.ofNanos(remaining));
      headersSent(call).forEach(request::setHeader);
      request.method(call.method(), call.body() == null
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(call.body()));
      answer = client.sendAsync(request.build(), info -> isRedirect(info.statusCode())
          ? HttpResponse.BodySubscribers.replacing(new byte[0])
          : new LimitedBody(maxBytes + 1));
    } catch (IllegalArgumentException e) {
      return Result.err(Failure.of(Code.invalid_request, stepName + ": the request is not valid (" + e.getMessage() + ")"));
    }
    try {
      HttpResponse<byte[]> response = answer.get(remaining, TimeUnit.NANOSECONDS);
      return Result.ok(new Hop(new Response(response.uri(), response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), response.body()),
          response.headers().firstValue("Location").orElse(null)));
    } catch (TimeoutException e) {
      answer.cancel(true);
      return Result.err(timedOut(stepName, call));
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      return Result.err(Failure.of(Code.connection, stepName + ": interrupted"));
    } catch (ExecutionException e) {
      return Result.err(failed(stepName, call, e.getCause() == null ? e : e.getCause()));
    }
  }

  private static Failure timedOut(String stepName, HttpCall call) {
    return Failure.retryable(Code.timeout, stepName + ": no answer within " + call.timeout().toMillis() + " ms");
  }

  private static Failure failed(String stepName, HttpCall call, Throwable cause) {
    return switch (cause) {
      case HttpTimeoutException timeout -> timedOut(stepName, call);
      case ConnectException refused -> Failure.retryable(Code.connection, stepName + ": could not connect to " + call.uri().getHost());
      case IllegalArgumentException e ->
          Failure.of(Code.invalid_request, stepName + ": the request is not valid (" + e.getMessage() + ")");
      default -> Failure.retryable(Code.connection, stepName + ": connection failed (" + cause.getClass().getSimpleName() + ")");
    };
  }
}
