package io.switchboard.runtime.expr;

import io.switchboard.flow.expr.JsValues;
import io.switchboard.flow.expr.Scope;
import io.switchboard.flow.json.FlowJson;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A {@code {{ }}} template compiled at publish time: constant parts and compiled holes. A template
 * can escape what its holes insert; a raw hole ({@code {{{ }}}}) is never escaped.
 */
public final class CompiledTemplate {
  private final String constant;
  private final Object[] parts;
  private final UnaryOperator<String> escape;

  /** A compiled hole: its expression and whether it was written raw. */
  record Hole(CompiledExpression expression, boolean raw) {}

  CompiledTemplate(List<Object> parts) {
    this(parts.toArray(), UnaryOperator.identity());
  }

  private CompiledTemplate(Object[] parts, UnaryOperator<String> escape) {
    this.parts = parts;
    this.escape = escape;
    this.constant = parts.length == 1 && parts[0] instanceof String s ? s : (parts.length == 0 ? "" : null);
  }

  /** This template with the text of every hole that is not raw passed through {@code escape}; the constant text is kept. */
  public CompiledTemplate escaping(UnaryOperator<String> escape) {
    return new CompiledTemplate(parts, escape);
  }

  public String render(Scope scope) {
    if (constant != null) {
      return constant;
    }
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof String text) {
        out.append(text);
      } else {
        Hole hole = (Hole) part;
        String value = text(hole.expression().evaluate(scope));
        out.append(hole.raw() ? value : escape.apply(value));
      }
    }
    return out.toString();
  }

  /** Objects and arrays appear as JSON; null and undefined as nothing. */
  static String text(Object value) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return FlowJson.compact(value);
    }
    return JsValues.toText(value);
  }
}
