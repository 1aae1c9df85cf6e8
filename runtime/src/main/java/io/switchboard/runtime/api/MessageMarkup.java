package io.switchboard.runtime.api;

import java.util.List;

/** The answer to an inbound text message: one {@code <Message>} per reply, an empty {@code <Response/>} when none. */
final class MessageMarkup {
  private MessageMarkup() {}

  static String render(List<String> replies) {
    if (replies.isEmpty()) {
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    }
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");
    for (String reply : replies) {
      xml.append("<Message>").append(VoiceMarkup.escape(reply)).append("</Message>");
    }
    return xml.append("</Response>").toString();
  }
}
