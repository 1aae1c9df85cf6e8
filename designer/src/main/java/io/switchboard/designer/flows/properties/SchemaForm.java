package io.switchboard.designer.flows.properties;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.flow.json.FlowJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a form from a node type's JSON Schema: enums become selects, strings text fields (text
 * areas where the schema asks), numbers and booleans their fields, nested objects groups, maps
 * key/value rows and arrays of objects repeated groups. A new node type needs no form code.
 */
public final class SchemaForm {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final StepChoices steps;
  private final com.vaadin.flow.function.SerializableRunnable onStepPicked;
  private final Supplier<List<String>> variables;
  private final Map<String, Supplier<List<String>>> suggestions;
  /** The expression fields of the form built last, whose suggestions follow the flow as it changes. */
  private final List<ExpressionField> expressionFields = new ArrayList<>();

  /**
   * @param steps the registered data steps, offered where a field names one
   * @param onStepPicked called when the user picks a data step, so that its inputs can be laid out
   * @param variables the names an expression can read, offered in expression and template fields
   * @param suggestions known values by the {@code x-suggest} of a field (queue, destination, …)
   */
  public SchemaForm(StepChoices steps, com.vaadin.flow.function.SerializableRunnable onStepPicked,
      Supplier<List<String>> variables, Map<String, Supplier<List<String>>> suggestions) {
    this.steps = steps;
    this.onStepPicked = onStepPicked;
    this.variables = variables;
    this.suggestions = Map.copyOf(suggestions);
  }

  /** The form of a node's config: an object form, after which {@link #refreshSuggestions} refers to this form. */
  public SchemaField form(String id, JsonNode schema, JsonNode value) {
    expressionFields.clear();
    return object(id, schema, value);
  }

  /** Offers the names readable now in every expression field of the current form. */
  public void refreshSuggestions() {
    List<String> names = variables.get();
    expressionFields.forEach(field -> field.setSuggestions(names));
  }

  /** The form of an object schema filled with a value; the field's value is the new config. */
  public SchemaField object(String id, JsonNode schema, JsonNode value) {
    VerticalLayout layout = new VerticalLayout();
    layout.setPadding(false);
    layout.setSpacing(false);
    layout.setId(id);
    Map<String, SchemaField> fields = new LinkedHashMap<>();
    Set<String> required = new java.util.HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asString()));
    Set<String> hidden = hidden(schema, value);
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String name = property.getKey();
      if (hidden.contains(name)) {
        continue;
      }
      SchemaField field = field(id + "-" + name, label(name, property.getValue(), required.contains(name)), property.getValue(),
          value == null ? null : value.get(name));
      fields.put(name, field);
      layout.add(field.component());
    }
    return new SchemaField() {
      @Override
      public Component component() {
        return layout;
      }

      @Override
      public JsonNode value() {
        ObjectNode result = JSON.objectNode();
        fields.forEach((name, field) -> {
          JsonNode v = field.value();
          if (v != null) {
            result.set(name, v);
          }
        });
        // keys the form does not know are kept, so nothing typed in the JSON view is lost
        if (value != null && value.isObject()) {
          for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!fields.containsKey(entry.getKey())) {
              result.set(entry.getKey(), entry.getValue());
            }
          }
        }
        return result.isEmpty() ? null : result;
      }
    };
  }

  /**
   * Fields that do not apply to this value, left out of the form (their values are kept): once one
   * alternative of a {@code oneOf} of required fields is chosen, the others' fields (a fetch with a
   * data step shows no inline request); and a field marked {@code "x-with": "<field>"} while that
   * field is not set (a step's inputs without a step).
   */
  private static Set<String> hidden(JsonNode schema, JsonNode value) {
    Set<String> hidden = new java.util.HashSet<>();
    List<Set<String>> alternatives = new ArrayList<>();
    for (JsonNode alternative : schema.path("oneOf")) {
      Set<String> keys = new java.util.HashSet<>();
      alternative.path("required").forEach(k -> keys.add(k.asString()));
      alternatives.add(keys);
    }
    List<Set<String>> chosen = alternatives.stream().filter(keys -> !keys.isEmpty() && value != null
        && keys.stream().allMatch(value::has)).toList();
    if (chosen.size() == 1) {
      alternatives.stream().filter(keys -> keys != chosen.getFirst()).forEach(hidden::addAll);
      hidden.removeAll(chosen.getFirst());
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String with = property.getValue().path("x-with").asString(null);
      if (with != null && (value == null || !value.has(with))) {
        hidden.add(property.getKey());
      }
    }
    return hidden;
  }

  private SchemaField field(String id, String label, JsonNode schema, JsonNode value) {
    if (schema.has("enum")) {
      return select(id, label, schema, value);
    }
    String type = schema.path("type").asString("");
    return switch (type) {
      case "integer" -> integer(id, label, value);
      case "number" -> number(id, label, value);
      case "boolean" -> bool(id, label, value);
      case "object" -> schema.has("properties") ? group(id, label, schema, value) : map(id, label, schema, value);
      case "array" -> list(id, label, schema, value);
      default -> text(id, label, schema, value);
    };
  }

  private SchemaField select(String id, String label, JsonNode schema, JsonNode value) {
    Select<String> select = new Select<>();
    select.setId(id);
    select.setLabel(label);
    List<String> options = new ArrayList<>();
    options.add("");
    schema.path("enum").forEach(o -> options.add(o.asString()));
    select.setItems(options);
    select.setItemLabelGenerator(o -> o.isEmpty() ? "—" : o);
    select.setValue(value != null && value.isString() ? value.asString() : "");
    select.setWidthFull();
    return simple(select, () -> select.getValue() == null || select.getValue().isEmpty() ? null : JSON.stringNode(select.getValue()));
  }

  private SchemaField text(String id, String label, JsonNode schema, JsonNode value) {
    String current = value == null || value.isNull() ? "" : value.isString() ? value.asString() : FlowJson.compact(value);
    String kind = schema.path("x-kind").asString("");
    if (kind.equals("data-step")) {
      return stepPicker(id, label, current);
    }
    Supplier<List<String>> known = suggestions.get(schema.path("x-suggest").asString(""));
    if (known != null) {
      return picker(id, label, known.get(), current, "Pick one in use, or type another");
    }
    if ("textarea".equals(schema.path("x-widget").asString(""))) {
      TextArea area = new TextArea(label);
      area.setId(id);
      area.setValue(current);
      area.setWidthFull();
      hint(area, kind);
      return simple(area, () -> area.getValue().isEmpty() ? null : JSON.stringNode(area.getValue()));
    }
    if (kind.equals("expression") || kind.equals("template")) {
      ExpressionField field = new ExpressionField(label, variables.get());
      expressionFields.add(field);
      field.setId(id);
      field.setValue(current);
      field.setHelperText(kind.equals("expression") ? "JavaScript, e.g. loyalty == 'gold'; names are offered as you type"
          : "Text; {{ expression }} inserts a value; names are offered as you type");
      return simple(field, () -> field.getValue().isEmpty() ? null : JSON.stringNode(field.getValue()));
    }
    TextField field = new TextField(label);
    field.setId(id);
    field.setValue(current);
    field.setWidthFull();
    hint(field, kind);
    return simple(field, () -> field.getValue().isEmpty() ? null : JSON.stringNode(field.getValue()));
  }

  /** The registered data steps by name, with what each needs; picking one lays out its inputs. */
  private SchemaField stepPicker(String id, String label, String current) {
    ComboBox<String> box = comboBox(id, label, steps.ids(), current, "A data step an integrator registered");
    box.setItemLabelGenerator(steps::label);
    box.addValueChangeListener(e -> {
      if (e.isFromClient() && e.getValue() != null) {
        onStepPicked.run();
      }
    });
    return chosen(box);
  }

  /** A choice among known values that also takes a value typed in. */
  private static SchemaField picker(String id, String label, List<String> known, String current, String helper) {
    ComboBox<String> box = comboBox(id, label, known, current, helper);
    box.setAllowCustomValue(true);
    box.addCustomValueSetListener(e -> {
      List<String> grown = new ArrayList<>(box.getListDataView().getItems().toList());
      grown.add(e.getDetail());
      box.setItems(grown);
      box.setValue(e.getDetail());
    });
    return chosen(box);
  }

  /** A combo box of the known values, the current one among them even when it is not known. */
  private static ComboBox<String> comboBox(String id, String label, List<String> known, String current, String helper) {
    List<String> items = new ArrayList<>(known);
    if (!current.isEmpty() && !items.contains(current)) {
      items.add(current);
    }
    ComboBox<String> box = new ComboBox<>(label, items);
    box.setId(id);
    box.setValue(current.isEmpty() ? null : current);
    box.setWidthFull();
    box.setHelperText(helper);
    return box;
  }

  private static SchemaField chosen(ComboBox<String> box) {
    return simple(box, () -> box.getValue() == null || box.getValue().isBlank() ? null : JSON.stringNode(box.getValue()));
  }

  private static void hint(com.vaadin.flow.component.HasHelper field, String kind) {
    switch (kind) {
      case "template" -> field.setHelperText("Text; {{ expression }} inserts a value");
      case "jsonpath" -> field.setHelperText("JSONPath into the answer, e.g. $.customer.tier");
      default -> { }
    }
  }

  private SchemaField integer(String id, String label, JsonNode value) {
    IntegerField field = new IntegerField(label);
    field.setId(id);
    if (value != null && value.isNumber()) {
      field.setValue(value.asInt());
    }
    return simple(field, () -> field.getValue() == null ? null : JSON.numberNode(field.getValue()));
  }

  private SchemaField number(String id, String label, JsonNode value) {
    NumberField field = new NumberField(label);
    field.setId(id);
    if (value != null && value.isNumber()) {
      field.setValue(value.asDouble());
    }
    return simple(field, () -> field.getValue() == null ? null : JSON.numberNode(field.getValue()));
  }

  private SchemaField bool(String id, String label, JsonNode value) {
    Checkbox box = new Checkbox(label, value != null && value.asBoolean(false));
    box.setId(id);
    return simple(box, () -> box.getValue() ? JSON.booleanNode(true) : null);
  }

  private SchemaField group(String id, String label, JsonNode schema, JsonNode value) {
    SchemaField inner = object(id, schema, value);
    Div box = titled(label, inner.component());
    return simple(box, inner::value);
  }

  /** An object whose keys the user chooses (inputs, outputs, assignments, headers): rows of name and value. */
  private SchemaField map(String id, String label, JsonNode schema, JsonNode value) {
    VerticalLayout rows = new VerticalLayout();
    rows.setPadding(false);
    rows.setSpacing(false);
    List<TextField[]> entries = new ArrayList<>();
    java.util.function.BiConsumer<String, String> add = (k, v) -> {
      int index = entries.size();
      TextField key = new TextField();
      key.setPlaceholder("name");
      key.setId(id + "-key-" + index);
      key.setValue(k);
      TextField val = new TextField();
      val.setPlaceholder(schema.path("additionalProperties").path("x-kind").asString("value"));
      val.setId(id + "-value-" + index);
      val.setValue(v);
      val.setWidthFull();
      TextField[] pair = {key, val};
      entries.add(pair);
      HorizontalLayout row = new HorizontalLayout(key, val);
      Button remove = new Button("✕", e -> {
        entries.remove(pair);
        rows.remove(row);
      });
      remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
      row.add(remove);
      row.setWidthFull();
      rows.add(row);
    };
    if (value != null && value.isObject()) {
      value.properties().forEach(e -> add.accept(e.getKey(), e.getValue().isString() ? e.getValue().asString()
          : FlowJson.compact(e.getValue())));
    }
    Button plus = new Button("Add", e -> add.accept("", ""));
    plus.setId(id + "-add");
    plus.addThemeVariants(ButtonVariant.SMALL);
    Div box = titled(label, new VerticalLayout(rows, plus));
    return simple(box, () -> {
      ObjectNode result = JSON.objectNode();
      for (TextField[] pair : entries) {
        if (!pair[0].getValue().isBlank()) {
          result.put(pair[0].getValue().strip(), pair[1].getValue());
        }
      }
      return result.isEmpty() ? null : result;
    });
  }

  /** An array of objects (branch cases, script answers and fields): one group per item. */
  private SchemaField list(String id, String label, JsonNode schema, JsonNode value) {
    JsonNode itemSchema = schema.path("items");
    VerticalLayout items = new VerticalLayout();
    items.setPadding(false);
    List<SchemaField> fields = new ArrayList<>();
    int[] counter = {0};
    java.util.function.Consumer<JsonNode> add = item -> {
      int index = counter[0]++;
      SchemaField field = object(id + "-" + index, itemSchema, item);
      fields.add(field);
      Button remove = new Button("Remove", e -> {
        fields.remove(field);
        items.remove(field.component().getParent().orElseThrow());
      });
      remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.ERROR);
      VerticalLayout card = new VerticalLayout(field.component(), remove);
      card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
      items.add(card);
    };
    if (value != null && value.isArray()) {
      value.forEach(add);
    }
    Button plus = new Button("Add", e -> add.accept(null));
    plus.setId(id + "-add");
    plus.addThemeVariants(ButtonVariant.SMALL);
    Div box = titled(label, new VerticalLayout(items, plus));
    return simple(box, () -> {
      ArrayNode result = JSON.arrayNode();
      fields.forEach(f -> result.add(f.value() == null ? JSON.objectNode() : f.value()));
      return result.isEmpty() ? null : result;
    });
  }

  private static Div titled(String label, Component content) {
    Span title = new Span(label);
    title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-s)");
    Div box = new Div(title, content);
    box.setWidthFull();
    box.getStyle().set("margin-top", "var(--lumo-space-s)");
    return box;
  }

  private static String label(String name, JsonNode schema, boolean required) {
    String title = schema.path("title").asString(name);
    return required ? title + " *" : title;
  }

  private static SchemaField simple(Component component, Supplier<JsonNode> value) {
    return new SchemaField() {
      @Override
      public Component component() {
        return component;
      }

      @Override
      public JsonNode value() {
        return value.get();
      }
    };
  }
}
