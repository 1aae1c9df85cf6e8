package io.switchboard.runtime.connector;

import io.switchboard.flow.json.FlowJson;
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
  public Object fetch(String stepName, HttpCall call) {
    return fetch(stepName, call, maxResponseBytes);
  }

  public Object fetch(String stepName, HttpCall call, int maxBytes) {
    return interpret(stepName, exchange(stepName, call, maxBytes), maxBytes);
  }

  /**
   * Sends the request, following redirects, and reads the answer whatever its status.
   *
   * @throws DataStepException when the guard refuses an address, or the exchange times out or fails
   */
  public Response exchange(String stepName, HttpCall call, int maxBytes) {
    HttpCall current = call;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      guard.check(stepName, current.uri());
      HttpResponse<InputStream> response = send(stepName, current);
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
    throw new DataStepException(stepName + ": more than " + MAX_REDIRECTS + " redirects", false);
  }

  /**
   * The JSON in an answer.
   *
   * @throws DataStepException for an error status (transient for 5xx), an answer over the limit, of
   *     another type than JSON, or not parseable
   */
  public static Object interpret(String stepName, Response response, int maxBytes) {
    int status = response.status();
    if (status >= 300) {
      throw new DataStepException(stepName + ": the server answered HTTP " + status, status >= 500);
    }
    if (response.body().length > maxBytes) {
      throw new DataStepException(stepName + ": the answer is larger than " + maxBytes + " bytes", false);
    }
    if (response.body().length == 0 || status == 204) {
      return null;
    }
    String type = response.contentType();
    if (!type.isEmpty() && !type.contains("json")) {
      throw new DataStepException(stepName + ": the answer is " + type.split(";")[0] + ", not JSON", false);
    }
    try {
      return FlowJson.mapper().readValue(response.body(), Object.class);
    } catch (JacksonException e) {
      throw new DataStepException(stepName + ": the answer is not valid JSON", false);
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

  private HttpResponse<InputStream> send(String stepName, HttpCall call) {
    HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(call.timeout());
    headersSent(call).forEach(request::setHeader);
    request.method(call.method(), call.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(call.body()));
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new DataStepException(stepName + ": no answer within " + call.timeout().toMillis() + " ms", true);
    } catch (ConnectException e) {
      throw new DataStepException(stepName + ": could not connect to " + call.uri().getHost(), true);
    } catch (IOException e) {
      throw new DataStepException(stepName + ": connection failed (" + e.getClass().getSimpleName() + ")", true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataStepException(stepName + ": interrupted", false);
    } catch (IllegalArgumentException e) {
      throw new DataStepException(stepName + ": the request is not valid (" + e.getMessage() + ")", false);
    }
  }

  private static Response read(String stepName, HttpResponse<InputStream> response, int maxBytes) {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      return new Response(response.uri(), response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), bytes);
    } catch (HttpTimeoutException e) {
      throw new DataStepException(stepName + ": the answer did not arrive in time", true);
    } catch (IOException e) {
      throw new DataStepException(stepName + ": reading the answer failed (" + e.getClass().getSimpleName() + ")", true);
    }
  }
}
