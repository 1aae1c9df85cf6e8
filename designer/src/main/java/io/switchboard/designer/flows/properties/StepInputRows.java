package io.switchboard.designer.flows.properties;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inputs of the data step a fetch node names: one template field per input the step
 * declares, labelled by the input's name and explained by what the step says of it, with a value
 * suggested from the variables in scope one click away when the field is empty.
 */
final class StepInputRows {
  private final SchemaForm form;
  private final Spot spot;
  private final List<StepChoices.StepInput> inputs;

  StepInputRows(SchemaForm form, Spot spot, List<StepChoices.StepInput> inputs) {
    this.form = form;
    this.spot = spot;
    this.inputs = inputs;
  }

  SchemaField build(JsonNode value) {
    Map<String, ProblemField> fields = new LinkedHashMap<>();
    Map<String, ExpressionField> editors = new LinkedHashMap<>();
    Div content = new Div();
    int index = 0;
    for (StepChoices.StepInput input : inputs) {
      String pointer = spot.pointer() + "/" + Pointers.escape(input.name());
      ExpressionField field = form.expression(spot.id() + "-" + index++, Spot.words(input.name()), "template", 1);
      field.setValue(value == null ? "" : value.path(input.name()).asString(""));
      field.setHelperText(input.help());
      field.setRequiredIndicatorVisible(input.required());
      field.addValueChangeListener(e -> {
        if (e.isFromClient()) {
          form.edited(pointer);
        }
      });
      content.add(field);
      if (input.suggestion() != null && field.getValue().isBlank()) {
        Button use = new Button("Use " + input.suggestion());
        use.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        use.addClassName("sb-suggest");
        use.addClickListener(e -> {
          field.setValue(input.suggestion());
          use.setVisible(false);
          form.edited(pointer);
        });
        field.addValueChangeListener(e -> use.setVisible(e.getValue().isBlank()));
        content.add(use);
      }
      fields.put(input.name(), new ProblemField(field, () -> null));
      editors.put(input.name(), field);
    }
    if (inputs.isEmpty()) {
      content.add(new Div("This data step needs no inputs."));
    }
    Div box = SchemaForm.titled(spot, content);
    box.setId(spot.id());
    return new CompositeField(box, () -> {
      ObjectNode result = SchemaForm.JSON.objectNode();
      editors.forEach((name, field) -> result.put(name, field.getValue()));
      // inputs the step no longer declares are kept until the user removes them in the JSON view
      if (value != null && value.isObject()) {
        value.properties().forEach(e -> {
          if (!editors.containsKey(e.getKey())) {
            result.set(e.getKey(), e.getValue());
          }
        });
      }
      return result.isEmpty() ? null : result;
    }, (pointer, message) -> {
      ProblemField field = fields.get(Pointers.head(pointer));
      return field != null && field.showProblem("", message);
    }, () -> fields.values().forEach(ProblemField::clearProblems));
  }
}
