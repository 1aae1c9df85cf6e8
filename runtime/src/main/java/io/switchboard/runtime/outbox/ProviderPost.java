package io.switchboard.runtime.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One form POST to a TwiML-style provider's REST API (a call update, a text message), HTTP Basic with
 * the account and token, the idempotency key as a header. A 5xx, 429 or network failure may be tried
 * again by the outbox; another 4xx is final. One per deliverer, with its own connections.
 */
public final class ProviderPost {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /**
   * @param what what is sent, for the failure's message (e.g. "the call update of CA123")
   * @throws Deliverer.DeliveryException when the provider did not take it
   */
  public void send(CallUpdateDeliverer.Provider provider, URI uri, String formBody, String idempotencyKey,
      String what) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(formBody));
    if (provider.token() != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (provider.account() + ":" + provider.token()).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> answer;
    try {
      answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Deliverer.DeliveryException("the provider at " + uri.getHost() + " could not be reached: " + e.getMessage(),
          false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Deliverer.DeliveryException("interrupted while sending " + what, false, e);
    }
    int status = answer.statusCode();
    if (status >= 300) {
      boolean retry = status >= 500 || status == 429;
      throw new Deliverer.DeliveryException("the provider answered " + status + " to " + what, !retry, null);
    }
  }
}
