package io.switchboard.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The step's timeout bounds the whole exchange: headers, body and redirects. */
class HttpFetcherTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final LocalHttpServer server = new LocalHttpServer();
  private final HttpFetcher http = new HttpFetcher(OutboundGuard.allowing("127.0.0.1"));

  HttpFetcherTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
  }

  private static HttpCall get(String url) {
    return new HttpCall("GET", URI.create(url), Map.of(), null, TIMEOUT);
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("the server is closing", e);
    }
  }

  /** The elapsed time of a fetch, and its result. */
  private record Timed(Result<Object> result, Duration took) {}

  private Timed timed(HttpCall call) {
    long start = System.nanoTime();
    Result<Object> result = http.fetch("crm", call);
    return new Timed(result, Duration.ofNanos(System.nanoTime() - start));
  }

  @Test
  void aServerTricklingItsAnswerAfterTheHeadersFailsWithTimeoutWithinTheTimeout() {
    server.answer(x -> {
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(200, 0);
      OutputStream body = x.getResponseBody();
      for (int i = 0; i < 20; i++) {
        body.write(' ');
        body.flush();
        pause(300);
      }
      body.write("{}".getBytes());
    });

    Timed fetch = timed(get(server.url("/slow")));

    assertThat(fetch.result().failure()).isNotNull();
    assertThat(fetch.result().failure().code()).isEqualTo(Failure.Code.timeout);
    assertThat(fetch.result().failure().message()).isEqualTo("crm: no answer within 1000 ms");
    assertThat(fetch.took()).as("timeout + 1 s").isLessThan(TIMEOUT.plusSeconds(1));
  }

  @Test
  void redirectsShareOneDeadline() {
    server.answer(x -> {
      pause(400);
      int hop = Integer.parseInt(x.getRequestURI().getPath().substring(1));
      if (hop < 5) {
        x.getResponseHeaders().set("Location", "/" + (hop + 1));
        x.sendResponseHeaders(302, -1);
      } else {
        LocalHttpServer.respond(x, 200, "application/json", "{}");
      }
    });

    Timed fetch = timed(get(server.url("/1")));

    assertThat(fetch.result().failure()).isNotNull();
    assertThat(fetch.result().failure().code()).isEqualTo(Failure.Code.timeout);
    assertThat(fetch.took()).as("timeout + 1 s").isLessThan(TIMEOUT.plusSeconds(1));
  }

  @Test
  void anAnswerWithinTheDeadlineIsReadWholeAndAnOversizedOneIsCut() {
    server.answer(x -> LocalHttpServer.respond(x, 200, "application/json", "{\"tier\": \"gold\"}"));
    assertThat(http.fetch("crm", get(server.url("/c"))).value()).isEqualTo(Map.of("tier", "gold"));

    server.answer(x -> LocalHttpServer.respond(x, 200, "application/json", "[\"" + "x".repeat(100) + "\"]"));
    assertThat(http.exchange("crm", get(server.url("/c")), 10).value().body()).hasSize(11);
  }
}
