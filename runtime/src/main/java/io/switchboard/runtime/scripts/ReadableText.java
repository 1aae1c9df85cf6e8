package io.switchboard.runtime.scripts;

import io.switchboard.flow.expr.Template;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.VariableDefinition;
import java.util.Map;

/**
 * Writes templates and variable names the way a business reader knows them: {@code {{ customerName }}}
 * becomes «Customer» when the variable has that label, any other expression is shown as written.
 */
final class ReadableText {
  private static final Map<String, String> BUILT_IN = Map.of(
      "trigger.from", "Caller's address",
      "trigger.to", "Address called");

  private final FlowDocument flow;

  ReadableText(FlowDocument flow) {
    this.flow = flow;
  }

  /** A template with each hole as «label»; a template that does not parse is shown as written. */
  String template(String text) {
    if (text == null) {
      return "";
    }
    Template template = Template.parse(text);
    if (template.problem() != null) {
      return text;
    }
    StringBuilder readable = new StringBuilder();
    for (Template.Part part : template.parts()) {
      switch (part) {
        case Template.Text t -> readable.append(t.text());
        case Template.Hole h -> readable.append(variable(h.expression()));
      }
    }
    return readable.toString();
  }

  /** A variable or expression as «label». */
  String variable(String expression) {
    String name = expression.strip();
    String label = flow.variable(name).map(VariableDefinition::label).filter(l -> !l.isBlank())
        .orElse(BUILT_IN.getOrDefault(name, name));
    return "«" + label + "»";
  }
}
