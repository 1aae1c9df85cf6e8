package io.switchboard.runtime.tickets;

import io.switchboard.runtime.service.BadRequestException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a reply template or snippet can name, as {@code {{ thread.number }}}: the thread's, the
 * customer's and the replying agent's. Unknown names are refused when a template is saved.
 */
public final class Placeholders {
  public static final List<String> NAMES = List.of("thread.number", "thread.subject", "thread.status",
      "thread.priority", "thread.queue", "customer.name", "customer.email", "customer.phone", "agent.name",
      "agent.username");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*}}");

  private Placeholders() {}

  /** Refuses a text naming a value that does not exist, naming it and what does. */
  public static void check(String field, String text) {
    if (text == null) {
      return;
    }
    Set<String> unknown = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!NAMES.contains(m.group(1))) {
        unknown.add(m.group(1));
      }
    }
    if (!unknown.isEmpty()) {
      throw new BadRequestException("the " + field + " names " + String.join(", ", unknown.stream()
          .map(n -> "{{ " + n + " }}").toList()) + ", which does not exist; use one of " + String.join(", ", NAMES));
    }
  }

  /** The text with every known placeholder filled in (an empty value where the thread has none). */
  public static String fill(String text, Map<String, String> values) {
    if (text == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = NAMES.contains(m.group(1)) ? values.getOrDefault(m.group(1), "") : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
