package io.switchboard.flow.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with {@code {{ expression }}} holes. Parsing never throws: an unclosed hole is reported by
 * {@link #problem()}.
 */
public record Template(List<Part> parts, String problem) {

  public sealed interface Part {}

  public record Text(String text) implements Part {}

  public record Hole(String expression) implements Part {}

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
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        return new Template(List.copyOf(parts), "a '{{' at character " + (open + 1) + " is never closed with '}}'");
      }
      String expression = text.substring(open + 2, close).strip();
      if (expression.isEmpty()) {
        return new Template(List.copyOf(parts), "the '{{ }}' at character " + (open + 1) + " is empty");
      }
      parts.add(new Hole(expression));
      pos = close + 2;
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
