package io.switchboard.designer.flows.properties;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.switchboard.flow.json.FlowJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An object whose keys the user chooses (headers, assignments, variables from an answer): rows of
 * name and value that fit the inspector's width, each with its remove button in view; above them,
 * read-only rows for what is given already (the variables a data step maps itself).
 */
final class KeyValueRows {
  private final SchemaForm form;
  private final Spot spot;
  private final List<Row> rows = new ArrayList<>();
  private final Div list = new Div();
  private List<String> given = List.of();
  private int counter;

  private record Row(Component line, TextField key, HasValue<?, String> value, ProblemField problems) {}

  KeyValueRows(SchemaForm form, Spot spot) {
    this.form = form;
    this.spot = spot;
  }

  /** Rows shown read-only above the user's own, e.g. "customer.tier ← $.tier". */
  void given(List<String> lines) {
    this.given = List.copyOf(lines);
  }

  SchemaField build(JsonNode value) {
    list.addClassName("sb-kv-rows");
    if (value != null && value.isObject()) {
      value.properties().forEach(e -> add(e.getKey(), e.getValue().isString() ? e.getValue().asString()
          : FlowJson.compact(e.getValue())));
    }
    Button plus = new Button("Add", e -> add("", "").key().focus());
    plus.setId(spot.id() + "-add");
    plus.addThemeVariants(ButtonVariant.SMALL);
    Div content = new Div();
    if (!given.isEmpty()) {
      Div fixed = new Div();
      fixed.setId(spot.id() + "-given");
      fixed.addClassName("sb-given");
      fixed.add(new Span("Given by the data step, no need to map again:"));
      given.forEach(line -> {
        Span row = new Span(line);
        row.addClassName("sb-given-row");
        fixed.add(row);
      });
      content.add(fixed);
    }
    content.add(list, plus);
    Div box = SchemaForm.titled(spot, content);
    box.setId(spot.id());
    return new CompositeField(box, () -> {
      ObjectNode result = SchemaForm.JSON.objectNode();
      for (Row row : rows) {
        if (!row.key().getValue().isBlank()) {
          result.put(row.key().getValue().strip(), row.value().getValue());
        }
      }
      return result.isEmpty() ? null : result;
    }, (pointer, message) -> rows.stream().filter(r -> r.key().getValue().strip().equals(Pointers.head(pointer))).findFirst()
        .map(r -> r.problems().showProblem("", message)).orElse(false),
        () -> rows.forEach(r -> r.problems().clearProblems()));
  }

  private Row add(String k, String v) {
    int index = counter++;
    TextField key = new TextField();
    key.setPlaceholder("variable".equals(spot.schema().path("x-keys").asString("")) ? "Variable" : "Name");
    key.setAriaLabel(spot.label() + ": name");
    key.setId(spot.id() + "-key-" + index);
    key.setValue(k);
    key.setValueChangeMode(ValueChangeMode.LAZY);
    key.setValueChangeTimeout(SchemaForm.TYPING_PAUSE_MS);
    key.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        form.edited(spot.pointer());
      }
    });
    JsonNode valueSchema = spot.schema().path("additionalProperties");
    String kind = valueSchema.path("x-kind").asString("");
    Component valueField;
    HasValue<?, String> value;
    ProblemField problems;
    String valueId = spot.id() + "-value-" + index;
    if (kind.equals("expression") || kind.equals("template")) {
      ExpressionField field = form.expression(valueId, "", kind, 1);
      field.setPlaceholder(kind.equals("expression") ? "Expression" : "Value");
      field.setValue(v);
      valueField = field;
      value = field;
      problems = new ProblemField(field, () -> null);
    } else {
      TextField field = new TextField();
      field.setId(valueId);
      field.setPlaceholder(kind.equals("jsonpath") ? "$.path.in.answer" : "Value");
      field.setValue(v);
      field.setValueChangeMode(ValueChangeMode.LAZY);
      field.setValueChangeTimeout(SchemaForm.TYPING_PAUSE_MS);
      valueField = field;
      value = field;
      problems = new ProblemField(field, () -> null);
    }
    valueField.getElement().setAttribute("aria-label", spot.label() + ": value");
    value.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        form.edited(spot.pointer() + "/" + Pointers.escape(key.getValue().strip()));
      }
    });
    Div line = new Div(key, valueField);
    line.addClassName("sb-kv-row");
    Row row = new Row(line, key, value, problems);
    Button remove = new Button("✕", e -> {
      rows.remove(row);
      list.remove(line);
      form.edited(spot.pointer());
    });
    remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
    remove.setAriaLabel("Remove this row");
    remove.setTooltipText("Remove this row");
    remove.addClassName("sb-remove");
    line.add(remove);
    rows.add(row);
    list.add(line);
    return row;
  }
}
