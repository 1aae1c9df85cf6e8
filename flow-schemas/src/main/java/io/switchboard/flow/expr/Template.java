package io.switchboard.flow.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with {@code {{ expression }}} holes. A hole written {@code {{{ expression }}}} is raw: where
 * the text's user escapes the values it inserts (a request URL percent-encodes them), a raw hole's
 * value goes in as it is, so a template that wants a value to be several parts of a URL says so.
 * Elsewhere the two are the same. Parsing never throws: an unclosed hole is reported by
 * {@link #problem()}.
 */
public record Template(List<Part> parts, String problem) {

  public sealed interface Part {}

  public record Text(String text) implements Part {}

  /** A hole; {@code raw} when written with three braces. */
  public record Hole(String expression, boolean raw) implements Part {
    public Hole(String expression) {
      this(expression, false);
    }
  }

  public static Template parse(String text) {
    List<Part> parts = new ArrayList<>();
    int pos = 0;
    while (pos < text.length()) {
      int open = text.indexOf("{{", pos);
      if (open < 0) {
        parts.add(new Text(text.substring(pos)));
        break;
      }
      if (open > pos) {
        parts.add(new Text(text.substring(pos, open)));
      }
      boolean raw = text.startsWith("{{{", open);
      String opener = raw ? "{{{" : "{{";
      String closer = raw ? "}}}" : "}}";
      int close = text.indexOf(closer, open + opener.length());
      if (close < 0) {
        return new Template(List.copyOf(parts), "a '" + opener + "' at character " + (open + 1)
            + " is never closed with '" + closer + "'");
      }
      String expression = text.substring(open + opener.length(), close).strip();
      if (expression.isEmpty()) {
        return new Template(List.copyOf(parts), "the '" + opener + " " + closer + "' at character " + (open + 1)
            + " is empty");
      }
      parts.add(new Hole(expression, raw));
      pos = close + closer.length();
    }
    return new Template(List.copyOf(parts), null);
  }

  public List<String> expressions() {
    return parts.stream().filter(Hole.class::isInstance).map(p -> ((Hole) p).expression()).toList();
  }

  public boolean isConstant() {
    return parts.stream().noneMatch(Hole.class::isInstance);
  }
}
