package io.switchboard.runtime.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.api.Api;
import io.switchboard.runtime.api.ApiTestApplication;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

/** The knowledge REST API over real HTTP, with the sample articles loaded at start and a public allowance of 5 a minute. */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:knowledge-api;DB_CLOSE_DELAY=-1", "switchboard.knowledge.public-rate=5"})
class KnowledgeApiIT {
  @Value("${local.server.port}")
  int port;
  Api api;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type",
        contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void articlesAreWrittenSavedAsVersionsSearchedAndCounted() {
    Api.Answer created = api.post("/api/knowledge/articles", """
        {"title": "Hotspot <b>drops</b> in Gdynia", "problem": "The hotspot drops.",
         "solution": "Restart it. <script>alert(1)</script> [Help](https://example.com/help)",
         "product": "Huawei E5576", "language": "en", "tags": ["hotspot"]}""");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(created.json().path("status").asString()).isEqualTo("draft");
    assertThat(created.json().path("solutionHtml").asString()).contains("<a href=\"https://example.com/help\"")
        .contains("rel=\"nofollow noopener\"").doesNotContain("<script");

    Api.Answer saved = api.put("/api/knowledge/articles/" + id, """
        {"title": "Hotspot drops in Gdynia", "problem": "The hotspot drops every hour.", "solution": "Restart it.",
         "product": "Huawei E5576", "language": "en", "tags": ["hotspot", "mobile"], "status": "published"}""");
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().path("version").asInt()).isEqualTo(2);
    JsonNode versions = api.get("/api/knowledge/articles/" + id + "/versions").json();
    assertThat(versions).hasSize(2);
    assertThat(versions.get(1).path("title").asString()).isEqualTo("Hotspot <b>drops</b> in Gdynia");

    JsonNode hits = api.get("/api/knowledge/search?q=" + q("hotspot Gdynia") + "&explain=true&tags=mobile").json();
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).path("id").asString()).isEqualTo(id);
    assertThat(hits.get(0).path("snippets").toString()).contains("<mark>hotspot</mark>");
    assertThat(hits.get(0).path("explanation").asString()).contains("weight(");

    assertThat(api.post("/api/knowledge/articles/" + id + "/feedback", "{\"kind\": \"sent\"}").json().path("sent").asInt())
        .isEqualTo(1);
    Api.Answer badKind = api.post("/api/knowledge/articles/" + id + "/feedback", "{\"kind\": \"liked\"}");
    assertThat(badKind.status()).isEqualTo(400);
    assertThat(badKind.json().path("error").asString()).startsWith("kind: 'liked'");
    Api.Answer noTitle = api.post("/api/knowledge/articles", "{\"solution\": \"x\", \"language\": \"en\"}");
    assertThat(noTitle.status()).isEqualTo(400);
    assertThat(noTitle.json().path("error").asString()).startsWith("title:");
    assertThat(api.get("/api/knowledge/search?q=x&language=klingon").json().path("error").asString())
        .startsWith("language: 'klingon'");

    assertThat(api.delete("/api/knowledge/articles/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/knowledge/articles/" + id).status()).isEqualTo(404);
  }

  static String part(String boundary, String file, String content) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file + "\"\r\n"
        + "Content-Type: text/markdown\r\n\r\n" + content + "\r\n";
  }

  @Test
  void importsTakeCsvAndMarkdownAndRefuseABadFileWhole() throws Exception {
    HttpResponse<String> bad = post("/api/knowledge/articles/import", "text/csv", """
        title,solution,language
        Fax does not send,Check the line,en
        Fax ist leer,,de
        """);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"line\":3").contains("solution:");
    assertThat(api.get("/api/knowledge/articles?tag=fax&limit=10").json()).isEmpty();

    HttpResponse<String> csv = post("/api/knowledge/articles/import", "text/csv", """
        title,solution,language,tags
        Fax does not send,Check the line,en,fax
        """);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).contains("\"imported\":1");
    HttpResponse<String> md = post("/api/knowledge/articles/import", "text/markdown", """
        ---
        title: Fax prints black pages
        language: en
        tags: fax; printer
        ---
        Clean the scanner glass.
        """);
    assertThat(md.statusCode()).isEqualTo(200);
    String boundary = "kb-boundary";
    String multipart = part(boundary, "a.md", "# Fax shows error 03\n\nRe-dial.\n")
        + part(boundary, "b.md", "---\ntitle: Fax paper jam\nlanguage: en\ntags: fax\n---\nOpen the cover.\n")
        + "--" + boundary + "--\r\n";
    HttpResponse<String> noLanguage = post("/api/knowledge/articles/import", "multipart/form-data; boundary=" + boundary,
        multipart);
    assertThat(noLanguage.statusCode()).isEqualTo(400);
    assertThat(noLanguage.body()).contains("\"source\":\"a.md\"").contains("language:");
    HttpResponse<String> files = post("/api/knowledge/articles/import", "multipart/form-data; boundary=" + boundary,
        multipart.replace("# Fax shows error 03", "---\nlanguage: en\ntags: fax\n---\n# Fax shows error 03"));
    assertThat(files.body()).contains("\"imported\":2");
    JsonNode faxes = api.get("/api/knowledge/articles?tag=fax&limit=10").json();
    assertThat(faxes).hasSize(4);
  }

  @Test
  void thePublicPagesShowPublishedArticlesOnlyAndRefuseAFlood() throws Exception {
    JsonNode drafts = api.get("/api/knowledge/articles?status=draft&limit=10").json();
    String draft = drafts.get(0).path("id").asString();
    String published = api.get("/api/knowledge/search?q=" + q("GPS satellites") + "&language=en").json().get(0)
        .path("id").asString();

    Api.Answer search = api.get("/api/public/knowledge/search?q=" + q("beta firmware Drive 52") + "&language=en");
    assertThat(search.status()).isEqualTo(200);
    assertThat(search.body()).doesNotContain(draft).doesNotContain("Beta firmware");
    assertThat(api.get("/api/public/knowledge/articles/" + draft).status()).isEqualTo(404);
    Api.Answer article = api.get("/api/public/knowledge/articles/" + published);
    assertThat(article.status()).isEqualTo(200);
    assertThat(article.json().path("solutionHtml").asString()).contains("<strong>Turn it off and on again.</strong>");
    assertThat(article.json().path("solutionText").asString()).startsWith("Turn it off and on again.");
    assertThat(article.body()).doesNotContain("\"helped\"").doesNotContain("author");

    assertThat(post("/api/public/knowledge/articles/" + published + "/feedback", "application/json",
        "{\"kind\": \"helped\"}").statusCode()).isEqualTo(200);
    assertThat(api.get("/api/public/knowledge/search?q=gps").status()).as("the fifth request").isEqualTo(200);
    Api.Answer flooded = api.get("/api/public/knowledge/search?q=gps");
    assertThat(flooded.status()).as("the sixth request within a minute").isEqualTo(429);
    assertThat(Long.parseLong(flooded.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
    assertThat(flooded.json().path("error").asString()).startsWith("too many requests");
    assertThat(api.get("/api/knowledge/search?q=gps").status()).as("signed-in search is not limited").isEqualTo(200);
    assertThat(api.get("/api/knowledge/articles/" + published).json().path("helped").asInt()).isEqualTo(1);
    assertThat(api.get("/api/knowledge/articles/" + published).json().path("views").asInt()).isEqualTo(1);
  }

  @Test
  void theApiIsInTheOpenApiDocument() {
    String doc = api.get("/api/docs").body();
    assertThat(doc).contains("/api/knowledge/articles/{id}/versions").contains("/api/knowledge/search")
        .contains("/api/public/knowledge/search").contains("/api/knowledge/articles/import");
  }
}
