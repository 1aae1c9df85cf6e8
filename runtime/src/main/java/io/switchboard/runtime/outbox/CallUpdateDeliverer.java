package io.switchboard.runtime.outbox;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Tells the voice provider to bridge a call waiting in its queue to the agent who accepted it: a
 * TwiML-style call update, {@code POST {baseUrl}/Calls/{CallSid}} with {@code Twiml=<Response><Dial>
 * <Sip>…</Sip></Dial></Response>} (or {@code <Number>}), HTTP Basic with the account and token. A
 * 5xx, 429 or a network failure is tried again by the outbox; another 4xx is final.
 */
public final class CallUpdateDeliverer implements Deliverer {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Supplier<Optional<Provider>> provider;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** Where and as whom call updates are sent. */
  public record Provider(String baseUrl, String account, String token) {}

  public CallUpdateDeliverer(Supplier<Optional<Provider>> provider) {
    this.provider = provider;
  }

  @Override
  public String kind() {
    return io.switchboard.runtime.node.Queueing.CALL_UPDATE;
  }

  @Override
  public void deliver(Map<String, Object> payload, String idempotencyKey) {
    Provider settings = provider.get().orElseThrow(() -> new DeliveryException(
        "no voice provider is configured (Administration → voice provider, or PUT /api/admin/voice-provider)", true, null));
    String callSid = String.valueOf(payload.get("callSid"));
    String twiml = twiml(String.valueOf(payload.get("targetKind")), String.valueOf(payload.get("target")));
    URI uri = URI.create(settings.baseUrl() + "/Calls/" + URLEncoder.encode(callSid, StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString("Twiml=" + URLEncoder.encode(twiml, StandardCharsets.UTF_8)));
    if (settings.token() != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (settings.account() + ":" + settings.token()).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> answer;
    try {
      answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryException("the voice provider at " + uri.getHost() + " could not be reached: " + e.getMessage(),
          false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted while updating the call", false, e);
    }
    int status = answer.statusCode();
    if (status >= 300) {
      boolean retry = status >= 500 || status == 429;
      throw new DeliveryException("the voice provider answered " + status + " to the call update of " + callSid, !retry,
          null);
    }
  }

  /** The markup that bridges the call: {@code <Dial><Sip>} for a SIP URI, {@code <Dial><Number>} for a number. */
  static String twiml(String kind, String target) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartElement("Response");
      xml.writeStartElement("Dial");
      xml.writeStartElement("sip".equals(kind) ? "Sip" : "Number");
      xml.writeCharacters(target);
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndElement();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }
}
