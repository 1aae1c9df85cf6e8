package io.switchboard.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.api.Api;
import io.switchboard.runtime.api.ApiTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

/** GET and PUT /api/regions: the tree replaced whole, refusals that name the region, and the old tree kept on one. */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:regions;DB_CLOSE_DELAY=-1")
class RegionApiIT {
  private static final String TREE = """
      {"regions": [
        {"id": "poland", "name": "Polska", "parent": null, "countries": ["pl"]},
        {"id": "mazowieckie", "name": "Mazowieckie", "parent": "poland", "areas": ["Warszawa"], "prefixes": ["+48 22"]}
      ]}""";

  @Value("${local.server.port}")
  int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    assertThat(api.put("/api/regions", TREE).status()).isEqualTo(200);
  }

  @Test
  void thePutTreeIsWhatGetAnswers() {
    Api.Answer answer = api.get("/api/regions");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode regions = answer.json().path("regions");
    assertThat(regions).hasSize(2);
    assertThat(regions.get(0).path("id").asString()).isEqualTo("poland");
    assertThat(regions.get(0).path("countries").get(0).asString()).isEqualTo("PL");
    assertThat(regions.get(1).path("parent").asString()).isEqualTo("poland");
    assertThat(regions.get(1).path("prefixes").get(0).asString()).isEqualTo("+4822");
  }

  @Test
  void badTreesAreRefusedWithTheRegionNamedAndTheOldTreeKept() {
    assertRefused("""
        {"regions": [{"id": "Not A Slug", "name": "x"}]}""", "region #1: an id is 1 to 64 lower-case letters");
    assertRefused("""
        {"regions": [{"id": "north", "name": "  "}]}""", "region 'north': a name is 1 to 200 characters");
    assertRefused("""
        {"regions": [{"id": "north", "name": "North", "parent": "nowhere"}]}""",
        "region 'north': its parent 'nowhere' is not in the tree");
    assertRefused("""
        {"regions": [{"id": "a", "name": "A", "parent": "b"}, {"id": "b", "name": "B", "parent": "a"}]}""",
        "region 'a': the parents above it form a cycle");
    assertRefused("""
        {"regions": [{"id": "a", "name": "A"}, {"id": "a", "name": "A again"}]}""", "region 'a' appears twice");
    assertRefused("""
        {"regions": [{"id": "a", "name": "A", "countries": ["Poland"]}]}""",
        "region 'a': country 'Poland' is not an ISO 3166-1 alpha-2 country code");
    assertRefused("""
        {"regions": [{"id": "a", "name": "A", "prefixes": ["4822"]}]}""", "region 'a': prefix '4822' is not '+'");
    assertRefused("{}", "the body is {\"regions\": [...]}");
    assertRefused("[1, 2]", "the request body is not valid JSON of the expected shape");

    JsonNode regions = api.get("/api/regions").json().path("regions");
    assertThat(regions).hasSize(2);
    assertThat(regions.get(1).path("id").asString()).isEqualTo("mazowieckie");
  }

  private void assertRefused(String body, String message) {
    Api.Answer answer = api.put("/api/regions", body);
    assertThat(answer.status()).as(body).isEqualTo(400);
    assertThat(answer.json().path("error").asString()).as(body).startsWith(message);
  }
}
