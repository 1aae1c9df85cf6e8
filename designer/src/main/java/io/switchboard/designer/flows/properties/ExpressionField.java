package io.switchboard.designer.flows.properties;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import io.switchboard.flow.json.FlowJson;
import java.util.List;

/**
 * A text field for an expression or a template that offers, while a name is being typed, the
 * variables that can be read at this node (set upstream, declared with a default, or brought by
 * the trigger).
 */
@Tag("expression-field")
@JsModule("./expression-field/expression-field.ts")
public class ExpressionField extends AbstractSinglePropertyField<ExpressionField, String> implements HasSize {

  public ExpressionField(String label, List<String> suggestions) {
    super("value", "", false);
    getElement().setProperty("label", label);
    setSuggestions(suggestions);
  }

  /** The names offered, e.g. after an edge changed what is set upstream. */
  public void setSuggestions(List<String> suggestions) {
    getElement().setProperty("suggestionsJson", FlowJson.compact(suggestions));
  }

  public void setHelperText(String text) {
    getElement().setProperty("helperText", text);
  }
}
