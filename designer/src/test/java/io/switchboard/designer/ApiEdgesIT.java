package io.switchboard.designer;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.json.FlowJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Requests the controllers never see still get the API's answer: a status that says what is wrong
 * and a JSON reason, never a redirect to the sign-in page, an empty 403 or the screens' HTML.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:edges;DB_CLOSE_DELAY=-1", "switchboard.admin.password=first-admin-pass",
    "switchboard.max-request-bytes=1048576"})
class ApiEdgesIT {
  private static final String ADMIN = "Basic " + Base64.getEncoder()
      .encodeToString("admin:first-admin-pass".getBytes(StandardCharsets.UTF_8));

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Value("${local.server.port}")
  int port;

  private HttpResponse<String> send(String method, String path, String contentType, HttpRequest.BodyPublisher body,
      boolean signedIn) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (signedIn) {
      request.header("Authorization", ADMIN);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
    return send(method, path, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body), true);
  }

  private static void answers(HttpResponse<String> response, int status, String reason) {
    assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString()).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(FlowJson.readTree(response.body()).path("error").asString()).as(response.uri().toString()).contains(reason);
  }

  @Test
  void aBodyOfAnotherTypeIs415() throws Exception {
    answers(send("PUT", "/api/flows/typed", "text/plain", "hello"), 415, "text/plain");
    answers(send("PUT", "/api/flows/typed", "application/xml", "<flow/>"), 415, "application/xml");
    answers(send("POST", "/hooks/voice", "application/json", "{\"From\": \"+48\"}"), 415, "application/json");
  }

  @Test
  void aMethodThePathDoesNotTakeIs405() throws Exception {
    HttpResponse<String> delete = send("DELETE", "/api/flows", null, null);
    answers(delete, 405, "DELETE");
    assertThat(delete.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    answers(send("GET", "/hooks/voice", null, null), 405, "GET");
  }

  @Test
  void aPathNoEndpointAnswersIs404AndNeverTheScreens() throws Exception {
    answers(send("GET", "/api/no-such-endpoint", null, null), 404, "/api/no-such-endpoint");
    answers(send("POST", "/hooks/no-such-hook", "application/x-www-form-urlencoded", "a=b"), 404, "/hooks/no-such-hook");
  }

  @Test
  void aMissingFormIs400AndAnOddPathIs400() throws Exception {
    answers(send("POST", "/hooks/voice", "application/x-www-form-urlencoded", ""), 400, "From");
    answers(send("GET", "/api/flows/%2e%2e", null, null), 400, "not allowed");
  }

  /**
   * Bodies a little over the limits (1 MiB set here for the API, 64 KiB for webhooks): the server
   * answers without reading them and the container drains the rest, so the client always reads the
   * answer instead of a reset connection.
   */
  @Test
  void aBodyOverTheLimitIs413BeforeAnythingReadsIt() throws Exception {
    String form = "From=%2B48&To=%2B48&CallSid=CA1&Junk=" + "x".repeat(100 * 1024);
    answers(send("POST", "/hooks/voice", "application/x-www-form-urlencoded", form), 413, "larger than 65536 bytes");
    String flow = "{\"x\": \"" + "y".repeat(1536 * 1024) + "\"}";
    answers(send("PUT", "/api/flows/big", "application/json", flow), 413, "larger than 1048576 bytes");
    // a body sent in chunks, without a length, is counted as it arrives
    answers(send("PUT", "/api/flows/big", "application/json", HttpRequest.BodyPublishers.ofInputStream(
        () -> new java.io.ByteArrayInputStream(flow.getBytes(StandardCharsets.UTF_8))), true), 413, "larger than 1048576 bytes");
    answers(send("GET", "/api/flows/big", null, null), 404, "no flow 'big'");
  }

  @Test
  void namesLongerThanTheStoreKeepsAre400() throws Exception {
    answers(send("POST", "/api/admin/api-keys", "application/json", FlowJson.compact(java.util.Map.of("name", "k".repeat(300),
        "roles", java.util.List.of("integrator")))), 400, "1 to 100 characters");
    answers(send("POST", "/api/admin/users", "application/json", FlowJson.compact(java.util.Map.of("username", "long-name",
        "password", "long-enough-pw", "displayName", "d".repeat(300), "roles", java.util.List.of("agent")))), 400,
        "at most 200 characters");
  }
}
