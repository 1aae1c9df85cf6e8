package io.switchboard.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.Engine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:scriptapi;DB_CLOSE_DELAY=-1")
class ScriptDocumentApiIT {
  @Value("${local.server.port}")
  int port;

  @Test
  void aPublishedVersionHasItsScriptAsHtmlAndPdfAndAnUnknownVersionIs404() throws Exception {
    Api api = new Api(port);
    api.dataStep("ticketing-customer", "http://127.0.0.1:9/customer", "phone");
    int version = api.publish(Engine.example("support-call"));

    Api.Answer html = api.get("/api/flows/support-call/versions/" + version + "/script");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(html.body()).contains("<h1>Support call</h1>", "Step 1: Welcome",
        "Good morning «Customer», thank you for calling support.");

    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/api/flows/support-call/versions/" + version + "/script.pdf")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"support-call-v" + version + "-script.pdf\"");
    assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");

    Api.Answer unknown = api.get("/api/flows/support-call/versions/99/script");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("error").asString()).contains("has no version 99");
    assertThat(api.get("/api/flows/no-such-flow/versions/1/script.pdf").status()).isEqualTo(404);
  }
}
