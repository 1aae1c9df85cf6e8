package io.switchboard.runtime.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.runtime.connector.LocalHttpServer;
import io.switchboard.runtime.outbox.CallUpdateDeliverer;
import io.switchboard.runtime.outbox.Deliverer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox's text messages against a real HTTP server on loopback standing in for the provider. */
class MessageDelivererTest {
  private final LocalHttpServer provider;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile int status = 201;

  MessageDelivererTest() throws IOException {
    provider = new LocalHttpServer();
    provider.answer(exchange -> {
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
          + exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      LocalHttpServer.respond(exchange, status, "application/json", "{}");
    });
  }

  @AfterEach
  void close() {
    provider.close();
  }

  private MessageDeliverer deliverer() {
    return new MessageDeliverer(() -> Optional.of(new CallUpdateDeliverer.Provider(
        provider.url("/2010-04-01/Accounts/AC1"), "AC1", "s3cret")));
  }

  private static Map<String, Object> reply(boolean inline) {
    return Map.of("to", "+48600000001", "from", "+48225550199", "body", "Turn it off & on again", "inline", inline);
  }

  @Test
  void postsTheTextToTheProvidersMessagesResourceAsTheAccount() {
    deliverer().deliver(reply(false), "i-1:4");

    assertThat(provider.uris()).containsExactly("/2010-04-01/Accounts/AC1/Messages");
    assertThat(URLDecoder.decode(provider.bodies().getFirst(), StandardCharsets.UTF_8))
        .isEqualTo("From=+48225550199&To=+48600000001&Body=Turn it off & on again");
    assertThat(authorizations).containsExactly("Basic "
        + Base64.getEncoder().encodeToString("AC1:s3cret".getBytes(StandardCharsets.UTF_8)) + " i-1:4");
  }

  @Test
  void aReplyThatWentIntoTheWebhooksAnswerIsNotSentAgain() {
    deliverer().deliver(reply(true), "i-1:2");
    assertThat(provider.requests()).isZero();
  }

  @Test
  void aRefusalIsFinalAnOverloadedProviderIsTriedAgainAndNoProviderIsFinal() {
    status = 400;
    assertThatThrownBy(() -> deliverer().deliver(reply(false), "k")).isInstanceOfSatisfying(Deliverer.DeliveryException.class,
        e -> assertThat(e.isPermanent()).isTrue());
    status = 503;
    assertThatThrownBy(() -> deliverer().deliver(reply(false), "k")).isInstanceOfSatisfying(Deliverer.DeliveryException.class,
        e -> assertThat(e.isPermanent()).isFalse());
    assertThatThrownBy(() -> new MessageDeliverer(Optional::empty).deliver(reply(false), "k"))
        .isInstanceOfSatisfying(Deliverer.DeliveryException.class, e -> {
          assertThat(e.isPermanent()).isTrue();
          assertThat(e.getMessage()).contains("no provider is configured for text messages");
        });
  }
}
