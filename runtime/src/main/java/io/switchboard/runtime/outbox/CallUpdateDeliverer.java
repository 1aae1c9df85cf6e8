package io.switchboard.runtime.outbox;

import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Tells the voice provider to bridge a call waiting in its queue to the agent who accepted it: a
 * TwiML-style call update, {@code POST {baseUrl}/Calls/{CallSid}} with {@code Twiml=<Response><Dial>
 * <Sip>…</Sip></Dial></Response>} (or {@code <Number>}), sent as a {@link ProviderPost}.
 */
public final class CallUpdateDeliverer implements Deliverer {
  private final Supplier<Optional<Provider>> provider;
  private final ProviderPost post = new ProviderPost();

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
    post.send(settings, uri, "Twiml=" + URLEncoder.encode(twiml, StandardCharsets.UTF_8), idempotencyKey,
        "the call update of " + callSid);
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
