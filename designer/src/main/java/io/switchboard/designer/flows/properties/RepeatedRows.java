package io.switchboard.designer.flows.properties;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * An array of objects (branch cases, script answers and fields, routing steps): one card per item
 * with its fields and a remove button in view, and an Add button below.
 */
final class RepeatedRows {
  private final SchemaForm form;
  private final Spot spot;
  private final Div items = new Div();
  private final List<SchemaField> fields = new ArrayList<>();
  private int counter;

  RepeatedRows(SchemaForm form, Spot spot) {
    this.form = form;
    this.spot = spot;
  }

  SchemaField build(JsonNode value) {
    if (value != null && value.isArray()) {
      value.forEach(this::add);
    }
    Button plus = new Button("Add", e -> {
      add(null);
      form.edited(spot.pointer() + "/" + fields.size());
    });
    plus.setId(spot.id() + "-add");
    plus.addThemeVariants(ButtonVariant.SMALL);
    Div box = SchemaForm.titled(spot, new Div(items, plus));
    return new CompositeField(box, () -> {
      ArrayNode result = SchemaForm.JSON.arrayNode();
      fields.forEach(f -> result.add(f.value() == null ? SchemaForm.JSON.objectNode() : f.value()));
      return result.isEmpty() ? null : result;
    }, this::showProblem, () -> fields.forEach(SchemaField::clearProblems));
  }

  private boolean showProblem(String pointer, String message) {
    String head = Pointers.head(pointer);
    if (head == null || !head.chars().allMatch(Character::isDigit) || Integer.parseInt(head) >= fields.size()) {
      return false;
    }
    return fields.get(Integer.parseInt(head)).showProblem(Pointers.rest(pointer), message);
  }

  private void add(JsonNode item) {
    int index = counter++;
    SchemaField field = form.object(spot.id() + "-" + index, spot.pointer() + "/" + fields.size(), spot.schema().path("items"), item);
    fields.add(field);
    Div card = new Div();
    Button remove = new Button("Remove", e -> {
      fields.remove(field);
      items.remove(card);
      form.edited(spot.pointer());
    });
    remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.ERROR);
    remove.addClassName("sb-remove");
    card.add(remove, field.component());
    card.addClassName("sb-card-row");
    items.add(card);
  }
}
