package io.switchboard.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.runtime.failure.Failure;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** End to end only against loopback: a real server that must not be reached unless allowed. */
class OutboundGuardTest {
  private final LocalHttpServer server;

  OutboundGuardTest() throws Exception {
    server = new LocalHttpServer();
    server.answer(x -> LocalHttpServer.respond(x, 200, "application/json", "{\"ok\": true}"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static HttpCall get(String url) {
    return new HttpCall("GET", URI.create(url), Map.of(), null, Duration.ofSeconds(2));
  }

  @Test
  void loopbackIsRefusedUnlessAllowListedAndNothingIsSent() {
    HttpFetcher strict = new HttpFetcher(OutboundGuard.strict());
    Failure refused = strict.fetch("crm", get(server.url("/x"))).failure();
    assertThat(refused.code()).isEqualTo(Failure.Code.refused_by_guard);
    assertThat(refused.message()).contains("refused to call 127.0.0.1, which is a loopback address");
    assertThat(strict.fetch("crm", get(server.url("/x").replace("127.0.0.1", "localhost"))).failure().message())
        .contains("refused to call localhost");
    assertThat(strict.fetch("crm", get(server.url("/x").replace("127.0.0.1", "2130706433"))).failure().message())
        .contains("loopback");
    assertThat(server.requests()).isZero();

    assertThat(new HttpFetcher(OutboundGuard.allowing("127.0.0.0/8")).fetch("crm", get(server.url("/x"))).value())
        .isEqualTo(Map.of("ok", true));
    assertThat(new HttpFetcher(OutboundGuard.allowing("localhost")).fetch("crm",
        get(server.url("/x").replace("127.0.0.1", "localhost"))).value()).isEqualTo(Map.of("ok", true));
  }

  @Test
  void aRedirectFromAnAllowedHostToAnotherLoopbackAddressIsRefused() {
    server.answer(x -> {
      x.getResponseHeaders().set("Location", "http://127.0.0.2:" + URI.create(server.url("/")).getPort() + "/secret");
      x.sendResponseHeaders(302, -1);
    });
    HttpFetcher fetcher = new HttpFetcher(OutboundGuard.allowing("127.0.0.1"));

    assertThat(fetcher.fetch("crm", get(server.url("/start"))).failure().message())
        .contains("refused to call 127.0.0.2, which is a loopback address");
    assertThat(server.uris()).containsExactly("/start");
  }

  @Test
  void redirectsWithinAllowedHostsAreFollowed() {
    server.answer(x -> {
      if (x.getRequestURI().getPath().equals("/old")) {
        x.getResponseHeaders().set("Location", "/new");
        x.sendResponseHeaders(301, -1);
      } else {
        LocalHttpServer.respond(x, 200, "application/json", "{\"moved\": true}");
      }
    });

    assertThat(new HttpFetcher(OutboundGuard.allowing("127.0.0.1")).fetch("crm", get(server.url("/old"))).value())
        .isEqualTo(Map.of("moved", true));
    assertThat(server.uris()).containsExactly("/old", "/new");
  }

  @Test
  void badAllowListEntriesAreRefusedWithTheirName() {
    assertThatThrownBy(() -> OutboundGuard.allowing("10.0.0.0/33")).hasMessageContaining("'10.0.0.0/33' is not a valid CIDR");
    assertThatThrownBy(() -> OutboundGuard.allowing("bad host!")).hasMessageContaining("'bad host!' is neither");
  }
}
