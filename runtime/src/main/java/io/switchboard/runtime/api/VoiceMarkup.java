package io.switchboard.runtime.api;

import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.node.ProviderInstruction;
import io.switchboard.runtime.node.Waiting;

/**
 * Renders what a call should do now as TwiML-style markup: a forward to a SIP URI becomes
 * {@code <Dial><Sip>}, to a number {@code <Dial><Number>}, to a queue {@code <Enqueue>}, to an
 * agent {@code <Dial><Client>}; a call that waits for an agent's script is queued for agents.
 */
final class VoiceMarkup {
  static final String STATUS_CALLBACK = "/hooks/voice/status";

  private VoiceMarkup() {}

  static String render(Interaction interaction) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");
    ProviderInstruction instruction = interaction.instruction();
    if (interaction.status() == InteractionStatus.failed) {
      xml.append("<Say>We are sorry, your call cannot be taken right now. Please try again later.</Say><Hangup/>");
    } else if (instruction != null) {
      xml.append(switch (instruction.verb()) {
        case sip -> dial(instruction, "Sip");
        case number -> dial(instruction, "Number");
        case agent -> dial(instruction, "Client");
        case queue -> "<Enqueue>" + escape(instruction.target()) + "</Enqueue>";
      });
    } else if (interaction.status() == InteractionStatus.waiting
        && interaction.waiting().kind() == Waiting.Kind.agent_answer) {
      xml.append("<Enqueue>").append(escape(interaction.queue() != null ? interaction.queue() : "agents")).append("</Enqueue>");
    } else {
      xml.append("<Hangup/>");
    }
    return xml.append("</Response>").toString();
  }

  static String notInService() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>This number is not in service.</Say><Hangup/></Response>";
  }

  private static String dial(ProviderInstruction instruction, String noun) {
    String action = instruction.awaitStatus() ? " action=\"" + STATUS_CALLBACK + "\"" : "";
    return "<Dial" + action + "><" + noun + ">" + escape(instruction.target()) + "</" + noun + "></Dial>";
  }

  /**
   * Text fit for an element or an attribute: markup characters escaped, and characters XML 1.0
   * forbids (control characters, lone surrogates, U+FFFE and U+FFFF) removed, since no escape makes
   * them legal and a target or queue name from a CRM answer or a caller may carry them.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (allowed(c)) {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  /** The Char production of XML 1.0. */
  private static boolean allowed(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
