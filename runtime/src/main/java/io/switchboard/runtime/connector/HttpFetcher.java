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

  public HttpFetcher(Duration connectTimeout, int maxResponseBytes, OutboundGuard guard) {
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.maxResponseBytes = maxResponseBytes;
    this.guard = guard;
  }

  public OutboundGuard guard() {
    return guard;
  }

  public HttpFetcher(OutboundGuard guard) {
    this(Duration.ofSeconds(5), 1 << 20, guard);
  }

  /**
   * The parsed JSON answer (maps, lists, strings, numbers, booleans, null). Redirects are followed
   * (at most five), each one checked by the outbound guard like the first request.
   */
  public Object fetch(String stepName, HttpCall call) {
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
      return read(stepName, response);
    }
    throw new DataStepException(stepName + ": more than " + MAX_REDIRECTS + " redirects", false);
  }

  private static void closeQuietly(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // the connection is dropped either way
    }
  }

  private HttpResponse<InputStream> send(String stepName, HttpCall call) {
    HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(call.timeout())
        .header("Accept", "application/json");
    for (Map.Entry<String, String> header : call.headers().entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    HttpRequest.BodyPublisher body = call.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(call.body());
    if (call.body() != null && !call.headers().containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    request.method(call.method(), body);
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
    }
  }

  private Object read(String stepName, HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      int status = response.statusCode();
      if (status >= 500) {
        throw new DataStepException(stepName + ": the server answered HTTP " + status, true);
      }
      if (status >= 300) {
        throw new DataStepException(stepName + ": the server answered HTTP " + status, false);
      }
      String type = response.headers().firstValue("Content-Type").orElse("");
      byte[] bytes = in.readNBytes(maxResponseBytes + 1);
      if (bytes.length > maxResponseBytes) {
        throw new DataStepException(stepName + ": the answer is larger than " + maxResponseBytes + " bytes", false);
      }
      if (bytes.length == 0 || status == 204) {
        return null;
      }
      if (!type.isEmpty() && !type.contains("json")) {
        throw new DataStepException(stepName + ": the answer is " + type.split(";")[0] + ", not JSON", false);
      }
      return FlowJson.mapper().readValue(bytes, Object.class);
    } catch (JacksonException e) {
      throw new DataStepException(stepName + ": the answer is not valid JSON", false);
    } catch (IOException e) {
      throw new DataStepException(stepName + ": reading the answer failed (" + e.getClass().getSimpleName() + ")", true);
    }
  }
}
