package io.switchboard.designer.flows.properties;

import com.vaadin.flow.component.Component;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The fields of an object schema; its value is the object they make, keeping keys the form does not show. */
final class ObjectField implements SchemaField {
  private final Component component;
  private final Set<String> required;
  private final JsonNode original;
  private final Map<String, SchemaField> fields = new LinkedHashMap<>();

  ObjectField(Component component, Set<String> required, JsonNode original) {
    this.component = component;
    this.required = required;
    this.original = original;
  }

  void add(String name, SchemaField field) {
    fields.put(name, field);
  }

  @Override
  public Component component() {
    return component;
  }

  @Override
  public JsonNode value() {
    ObjectNode result = SchemaForm.JSON.objectNode();
    fields.forEach((name, field) -> {
      JsonNode v = field.value();
      if (v != null) {
        result.set(name, v);
      }
    });
    // keys the form does not show are kept, so nothing typed in the JSON view is lost
    if (original != null && original.isObject()) {
      for (Map.Entry<String, JsonNode> entry : original.properties()) {
        if (!fields.containsKey(entry.getKey())) {
          result.set(entry.getKey(), entry.getValue());
        }
      }
    }
    return result.isEmpty() ? null : result;
  }

  /**
   * A problem of a field goes to that field; one of the object itself (a required field missing)
   * to the first required field left empty.
   */
  @Override
  public boolean showProblem(String pointer, String message) {
    String head = Pointers.head(pointer);
    if (head == null) {
      return fields.entrySet().stream().filter(e -> required.contains(e.getKey()) && e.getValue().value() == null)
          .findFirst().map(e -> e.getValue().showProblem("", message)).orElse(false);
    }
    SchemaField field = fields.get(head);
    return field != null && field.showProblem(Pointers.rest(pointer), message);
  }

  @Override
  public void clearProblems() {
    fields.values().forEach(SchemaField::clearProblems);
  }
}
