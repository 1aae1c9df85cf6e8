package io.switchboard.designer.flows.properties;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import io.switchboard.flow.json.FlowJson;
import java.util.List;

/**
 * An editor for an expression or a template that offers, while a name is being typed, the
 * variables that can be read at this node (set upstream, declared with a default, or brought by
 * the trigger), colours what it holds, grows with its text and opens in a large dialog from its
 * expand button. Its value reaches the server once typing pauses, and at once when it loses focus.
 */
@Tag("expression-field")
@JsModule("./expression-field/expression-field.ts")
public class ExpressionField extends AbstractSinglePropertyField<ExpressionField, String>
    implements HasSize, HasValidation {

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
    getElement().setProperty("helperText", text == null ? "" : text);
  }

  public void setPlaceholder(String text) {
    getElement().setProperty("placeholder", text == null ? "" : text);
  }

  /** {@code expression} (a JavaScript expression) or {@code template} (text with {{ }}): how it is coloured. */
  public void setMode(String mode) {
    getElement().setProperty("mode", mode);
  }

  /** How many lines the editor shows at least; with more than one, Enter starts a new line. */
  public void setRows(int rows) {
    getElement().setProperty("rows", rows);
  }

  @Override
  public void setRequiredIndicatorVisible(boolean visible) {
    getElement().setProperty("required", visible);
  }

  @Override
  public boolean isRequiredIndicatorVisible() {
    return getElement().getProperty("required", false);
  }

  @Override
  public void setErrorMessage(String message) {
    getElement().setProperty("errorMessage", message == null ? "" : message);
  }

  @Override
  public String getErrorMessage() {
    return getElement().getProperty("errorMessage", "");
  }

  @Override
  public void setInvalid(boolean invalid) {
    getElement().setProperty("invalid", invalid);
  }

  @Override
  public boolean isInvalid() {
    return getElement().getProperty("invalid", false);
  }
}
