package io.switchboard.runtime.messages;

import io.switchboard.runtime.node.reply.ReplyExecutor;
import io.switchboard.runtime.outbox.CallUpdateDeliverer;
import io.switchboard.runtime.outbox.Deliverer;
import io.switchboard.runtime.outbox.ProviderPost;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends a reply step's text message through the TwiML-style provider that is configured for calls
 * (one account for calls and texts): {@code POST {baseUrl}/Messages} with the form fields From, To and
 * Body. A reply that already went out in the answer to the customer's own message (payload
 * {@code inline}) is only marked delivered: the outbox keeps it so that the step log shows what the
 * customer was told.
 */
final class MessageDeliverer implements Deliverer {
  private final Supplier<Optional<CallUpdateDeliverer.Provider>> provider;
  private final ProviderPost post = new ProviderPost();

  MessageDeliverer(Supplier<Optional<CallUpdateDeliverer.Provider>> provider) {
    this.provider = provider;
  }

  @Override
  public String kind() {
    return ReplyExecutor.MESSAGE;
  }

  @Override
  public void deliver(Map<String, Object> payload, String idempotencyKey) {
    if (Boolean.TRUE.equals(payload.get("inline"))) {
      return;
    }
    CallUpdateDeliverer.Provider settings = provider.get().orElseThrow(() -> new DeliveryException(
        "no provider is configured for text messages (Administration → voice provider, or PUT /api/admin/voice-provider)",
        true, null));
    String to = String.valueOf(payload.get("to"));
    String form = "From=" + encode(payload.get("from")) + "&To=" + encode(to) + "&Body=" + encode(payload.get("body"));
    post.send(settings, URI.create(settings.baseUrl() + "/Messages"), form, idempotencyKey,
        "the text message to " + to);
  }

  private static String encode(Object value) {
    return URLEncoder.encode(value == null ? "" : String.valueOf(value), StandardCharsets.UTF_8);
  }
}
