package io.switchboard.runtime.expr;

import io.switchboard.flow.expr.JsValues;
import io.switchboard.flow.expr.Scope;
import io.switchboard.flow.json.FlowJson;
import java.util.List;
import java.util.Map;

/** A {@code {{ }}} template compiled at publish time: constant parts and compiled holes. */
public final class CompiledTemplate {
  private final String constant;
  private final Object[] parts;

  CompiledTemplate(List<Object> parts) {
    this.parts = parts.toArray();
    this.constant = parts.size() == 1 && parts.getFirst() instanceof String s ? s : (parts.isEmpty() ? "" : null);
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
        out.append(text(((CompiledExpression) part).evaluate(scope)));
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
