package io.switchboard.designer.flows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import io.switchboard.flow.json.FlowFormatException;
import io.switchboard.flow.json.FlowJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The flow's variables: name, type, default, label, shown to the agent or not. */
final class VariablesPanel extends VerticalLayout {
  private final SerializableConsumer<JsonNode> onChange;
  private final Grid<JsonNode> grid = new Grid<>();
  private final TextField name = new TextField("Name");
  private final Select<String> type = new Select<>();
  private final TextField defaultValue = new TextField("Default (JSON)");
  private final TextField label = new TextField("Label");
  private final Checkbox agentVisible = new Checkbox("Shown to the agent");
  private JsonNode document;

  VariablesPanel(SerializableConsumer<JsonNode> onChange) {
    this.onChange = onChange;
    setId("variables");
    setPadding(false);
    grid.setId("variable-grid");
    grid.addColumn(v -> v.path("name").asString()).setHeader("Name");
    grid.addColumn(v -> v.path("type").asString()).setHeader("Type");
    grid.addColumn(v -> v.has("default") ? FlowJson.compact(v.get("default")) : "").setHeader("Default");
    grid.addColumn(v -> v.path("label").asString("")).setHeader("Label");
    grid.addColumn(v -> v.path("agentVisible").asBoolean(false) ? "yes" : "").setHeader("Agent sees it");
    grid.addComponentColumn(v -> {
      Button remove = new Button("Remove", e -> remove(v.path("name").asString()));
      remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
      return remove;
    }).setAutoWidth(true).setFlexGrow(0);
    grid.setAllRowsVisible(true);
    name.setId("variable-name");
    type.setId("variable-type");
    type.setLabel("Type");
    type.setItems("string", "number", "boolean", "object", "array");
    type.setValue("string");
    defaultValue.setId("variable-default");
    label.setId("variable-label");
    agentVisible.setId("variable-agent");
    Button save = new Button("Add or update", e -> save());
    save.setId("variable-save");
    HorizontalLayout form = new HorizontalLayout(name, type, defaultValue, label, agentVisible, save);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    grid.addItemClickListener(e -> edit(e.getItem()));
    add(grid, form);
  }

  void show(JsonNode document) {
    this.document = document;
    List<JsonNode> variables = new ArrayList<>();
    document.path("variables").forEach(variables::add);
    grid.setItems(variables);
  }

  private void edit(JsonNode variable) {
    name.setValue(variable.path("name").asString());
    type.setValue(variable.path("type").asString("string"));
    defaultValue.setValue(variable.has("default") ? FlowJson.compact(variable.get("default")) : "");
    label.setValue(variable.path("label").asString(""));
    agentVisible.setValue(variable.path("agentVisible").asBoolean(false));
  }

  private void save() {
    String variableName = name.getValue().strip();
    if (!variableName.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
      name.setInvalid(true);
      name.setErrorMessage("letters, digits and _, not starting with a digit");
      return;
    }
    ObjectNode variable = FlowJson.mapper().createObjectNode().put("name", variableName).put("type", type.getValue());
    if (!label.getValue().isBlank()) {
      variable.put("label", label.getValue().strip());
    }
    if (agentVisible.getValue()) {
      variable.put("agentVisible", true);
    }
    if (!defaultValue.getValue().isBlank()) {
      try {
        variable.set("default", FlowJson.readTree(defaultValue.getValue()));
      } catch (FlowFormatException e) {
        defaultValue.setInvalid(true);
        defaultValue.setErrorMessage("a JSON value, e.g. \"gold\", 3 or true");
        return;
      }
    }
    ObjectNode copy = (ObjectNode) document.deepCopy();
    ArrayNode variables = copy.has("variables") ? (ArrayNode) copy.get("variables") : copy.putArray("variables");
    int existing = indexOf(variables, variableName);
    if (existing >= 0) {
      variables.set(existing, variable);
    } else {
      variables.add(variable);
    }
    name.clear();
    defaultValue.clear();
    label.clear();
    agentVisible.clear();
    onChange.accept(copy);
  }

  private void remove(String variableName) {
    ObjectNode copy = (ObjectNode) document.deepCopy();
    ArrayNode variables = (ArrayNode) copy.get("variables");
    int index = indexOf(variables, variableName);
    if (index >= 0) {
      variables.remove(index);
      onChange.accept(copy);
    }
  }

  private static int indexOf(ArrayNode variables, String variableName) {
    for (int i = 0; i < variables.size(); i++) {
      if (variableName.equals(variables.get(i).path("name").asString())) {
        return i;
      }
    }
    return -1;
  }
}
