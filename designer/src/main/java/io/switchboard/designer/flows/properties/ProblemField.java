package io.switchboard.designer.flows.properties;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** A single field that shows the problems found in its value as its error message. */
final class ProblemField implements SchemaField {
  private final Component component;
  private final HasValidation validation;
  private final Supplier<JsonNode> value;
  private final List<String> messages = new ArrayList<>();

  <C extends Component & HasValidation> ProblemField(C component, Supplier<JsonNode> value) {
    this.component = component;
    this.validation = component;
    this.value = value;
  }

  @Override
  public Component component() {
    return component;
  }

  @Override
  public JsonNode value() {
    return value.get();
  }

  @Override
  public boolean showProblem(String pointer, String message) {
    if (!messages.contains(message)) {
      messages.add(message);
    }
    validation.setErrorMessage(String.join(" · ", messages));
    validation.setInvalid(true);
    return true;
  }

  @Override
  public void clearProblems() {
    if (!messages.isEmpty()) {
      messages.clear();
      validation.setInvalid(false);
      validation.setErrorMessage(null);
    }
  }
}
