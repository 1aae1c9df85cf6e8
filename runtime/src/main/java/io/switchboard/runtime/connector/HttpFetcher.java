package io.switchboard.runtime.connector;

import io.switchboard.flow.json.FlowJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
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
  private final HttpClient client;
  private final int maxResponseBytes;

  public HttpFetcher(Duration connectTimeout, int maxResponseBytes) {
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.maxResponseBytes = maxResponseBytes;
  }

  public HttpFetcher() {
    this(Duration.ofSeconds(5), 1 << 20);
  }

  /** The parsed JSON answer (maps, lists, strings, numbers, booleans, null). */
  public Object fetch(String stepName, HttpCall call) {
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
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
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
    return read(stepName, response);
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
