package io.switchboard.runtime.api;

import io.switchboard.flow.json.FlowJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** A small HTTP client for the tests: real requests to the application on its random port. */
public final class Api {
  private final List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** An answer: status, body text and headers. */
  public record Answer(int status, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      return FlowJson.readTree(body);
    }
  }

  public Answer delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  /** Every answer body this client received, for tests that check what never appears in one. */
  public List<String> bodies() {
    return bodies;
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Answer put(String path, String json, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  public Answer post(String path, Object body) {
    String json = body instanceof String s ? s : FlowJson.compact(body);
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Answer form(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Registers a GET data step through the integrators' API unless it exists; the required inputs go
   * into the query under their own names.
   */
  public void dataStep(String id, String url, String... requiredInputs) {
    if (get("/api/data-steps/" + id).status() != 404) {
      return;
    }
    Map<String, String> query = new java.util.LinkedHashMap<>();
    java.util.List<Map<String, Object>> inputs = new java.util.ArrayList<>();
    for (String input : requiredInputs) {
      query.put(input, "{{ input." + input + " }}");
      inputs.add(Map.of("name", input, "required", true));
    }
    Answer created = post("/api/data-steps", Map.of("id", id, "name", id, "url", url, "query", query, "inputs", inputs));
    if (created.status() != 201) {
      throw new AssertionError("data step refused: " + created.body());
    }
  }

  /** Saves and publishes a flow document; fails the test when either is refused. */
  public int publish(String document) {
    String id = FlowJson.readTree(document).path("id").asString();
    Answer saved = put("/api/flows/" + id, document);
    if (saved.status() != 200) {
      throw new AssertionError("save refused: " + saved.body());
    }
    Answer published = post("/api/flows/" + id + "/publish", Map.of("comment", "test"));
    if (published.status() != 201) {
      throw new AssertionError("publish refused: " + published.body());
    }
    return published.json().path("version").asInt();
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      bodies.add(response.body());
      if (response.headers().firstValue("Content-Type").orElse("").contains("xml")) {
        WellFormedXml.parse(response.body()); // every TwiML answer a test receives is checked
      }
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
