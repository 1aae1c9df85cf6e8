package io.switchboard.designer.flows.properties;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.SerializableConsumer;
import io.switchboard.flow.json.FlowJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Builds a form from a node type's JSON Schema: enums become selects showing their
 * {@code x-enumLabels}, strings text fields (expression editors for expressions and templates),
 * numbers and booleans their fields, nested objects groups, maps key/value rows and arrays of
 * objects repeated groups. Every field is labelled by its schema's {@code title} and explained by
 * its {@code description}, and reports each edit as it is made, so nothing waits for an Apply
 * button. A new node type needs no form code.
 */
public final class SchemaForm {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** How long typing pauses before a text field's value counts as an edit. */
  public static final int TYPING_PAUSE_MS = 400;

  private final StepChoices steps;
  private final SerializableConsumer<String> onEdit;
  private final Supplier<List<String>> variables;
  private final Map<String, Supplier<List<String>>> suggestions;
  /** The expression fields of the form built last, whose suggestions follow the flow as it changes. */
  private final List<ExpressionField> expressionFields = new ArrayList<>();

  /**
   * @param steps the registered data steps, offered where a field names one
   * @param onEdit called with the JSON pointer (into the config) of each field the user changed
   * @param variables the names an expression can read, offered in expression and template fields
   * @param suggestions known values by the {@code x-suggest} of a field (queue, destination, …)
   */
  public SchemaForm(StepChoices steps, SerializableConsumer<String> onEdit, Supplier<List<String>> variables,
      Map<String, Supplier<List<String>>> suggestions) {
    this.steps = steps;
    this.onEdit = onEdit;
    this.variables = variables;
    this.suggestions = Map.copyOf(suggestions);
  }

  /** The form of a node's config: an object form, after which {@link #refreshSuggestions} refers to this form. */
  public SchemaField form(String id, JsonNode schema, JsonNode value) {
    expressionFields.clear();
    return object(id, "", schema, value);
  }

  /** Offers the names readable now in every expression field of the current form. */
  public void refreshSuggestions() {
    List<String> names = variables.get();
    expressionFields.forEach(field -> field.setSuggestions(names));
  }

  /**
   * What makes a form of this schema lay its fields out again while it is open: the data step
   * named, whose inputs it shows. A form built for another layout is built again; one built for
   * the same layout keeps its fields and what is being typed into them. Fields that other values
   * leave out (an inline request's timeout) follow the next time the node is shown, so that
   * typing the first letter of a web address never rebuilds the field being typed into.
   */
  public static String layout(JsonNode schema, JsonNode value) {
    return "step=" + stepOf(schema, value);
  }

  SchemaField object(String id, String pointer, JsonNode schema, JsonNode value) {
    VerticalLayout layout = new VerticalLayout();
    layout.setPadding(false);
    layout.setSpacing(false);
    layout.setId(id);
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asString()));
    Set<String> hidden = hidden(schema, value);
    String step = stepOf(schema, value);
    ObjectField object = new ObjectField(layout, required, value);
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String name = property.getKey();
      if (hidden.contains(name)) {
        continue;
      }
      Spot spot = new Spot(id + "-" + name, pointer + "/" + Pointers.escape(name), name, property.getValue(),
          required.contains(name));
      SchemaField field = field(spot, value == null ? null : value.get(name), step);
      object.add(name, field);
      layout.add(field.component());
    }
    return object;
  }

  /**
   * Fields that do not apply to this value, left out of the form (their values are kept): once one
   * alternative of a {@code oneOf} of required fields is chosen, the others' fields (a fetch with a
   * data step shows no inline request); and a field marked {@code "x-with": "<field>"} while that
   * field is not set (a step's inputs without a step).
   */
  private static Set<String> hidden(JsonNode schema, JsonNode value) {
    Set<String> hidden = new HashSet<>();
    List<Set<String>> alternatives = new ArrayList<>();
    for (JsonNode alternative : schema.path("oneOf")) {
      Set<String> keys = new HashSet<>();
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

  /** The data step the value names in its field of kind {@code data-step}, or null. */
  private static String stepOf(JsonNode schema, JsonNode value) {
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      if ("data-step".equals(property.getValue().path("x-kind").asString("")) && value != null) {
        String step = value.path(property.getKey()).asString("");
        return step.isBlank() ? null : step;
      }
    }
    return null;
  }

  private SchemaField field(Spot spot, JsonNode value, String step) {
    JsonNode schema = spot.schema();
    if (schema.has("enum")) {
      return select(spot, value);
    }
    return switch (schema.path("type").asString("")) {
      case "integer" -> integer(spot, value);
      case "number" -> number(spot, value);
      case "boolean" -> bool(spot, value);
      case "object" -> schema.has("properties") ? group(spot, value) : rows(spot, value, step);
      case "array" -> new RepeatedRows(this, spot).build(value);
      default -> text(spot, value);
    };
  }

  private SchemaField rows(Spot spot, JsonNode value, String step) {
    KeyValueRows rows = new KeyValueRows(this, spot);
    if (step != null && spot.schema().has("x-with")) {
      return new StepInputRows(this, spot, steps.inputs(step, variables.get())).build(value);
    }
    if (step != null && "variable".equals(spot.schema().path("x-keys").asString(""))) {
      rows.given(steps.given(step));
    }
    return rows.build(value);
  }

  private SchemaField select(Spot spot, JsonNode value) {
    Select<String> select = new Select<>();
    select.setId(spot.id());
    select.setLabel(spot.label());
    List<String> options = new ArrayList<>();
    spot.schema().path("enum").forEach(o -> options.add(o.asString()));
    select.setItems(options);
    JsonNode labels = spot.schema().path("x-enumLabels");
    select.setItemLabelGenerator(o -> o == null ? "" : labels.path(o).asString(Spot.words(o)));
    select.setEmptySelectionAllowed(!spot.required());
    select.setEmptySelectionCaption("Not set");
    // an empty choice means the default: the placeholder names it
    String fallback = spot.schema().path("default").asString(null);
    select.setPlaceholder(fallback == null ? "Choose…" : labels.path(fallback).asString(Spot.words(fallback)));
    select.setValue(value != null && value.isString() && options.contains(value.asString()) ? value.asString() : null);
    select.setWidthFull();
    return validated(spot, select, () -> select.getValue() == null ? null : JSON.stringNode(select.getValue()));
  }

  private SchemaField text(Spot spot, JsonNode value) {
    String current = value == null || value.isNull() ? "" : value.isString() ? value.asString() : FlowJson.compact(value);
    String kind = spot.schema().path("x-kind").asString("");
    if (kind.equals("data-step")) {
      return stepPicker(spot, current);
    }
    Supplier<List<String>> known = suggestions.get(spot.schema().path("x-suggest").asString(""));
    if (known != null) {
      return picker(spot, known.get(), current);
    }
    if (kind.equals("expression") || kind.equals("template")) {
      boolean long_ = "textarea".equals(spot.schema().path("x-widget").asString(""));
      ExpressionField field = expression(spot.id(), spot.label(), kind, long_ ? 4 : kind.equals("expression") ? 2 : 1);
      field.setValue(current);
      return validated(spot, field, () -> field.getValue().isEmpty() ? null : JSON.stringNode(field.getValue()));
    }
    TextField field = new TextField(spot.label());
    field.setId(spot.id());
    field.setValue(current);
    field.setWidthFull();
    if (kind.equals("jsonpath")) {
      field.setPlaceholder("$.customer.tier");
    }
    return validated(spot, field, () -> field.getValue().isEmpty() ? null : JSON.stringNode(field.getValue()));
  }

  /**
   * An editor for an expression or a {@code {{ }}} template that offers the names readable at the
   * node as they are typed and colours what it holds; {@code rows} is how many lines it shows at
   * least (it grows with its text and opens large on request).
   */
  ExpressionField expression(String id, String label, String kind, int rows) {
    ExpressionField field = new ExpressionField(label, variables.get());
    expressionFields.add(field);
    field.setId(id);
    field.setMode(kind);
    field.setRows(rows);
    field.setWidthFull();
    return field;
  }

  /** The registered data steps by name, with what each needs; picking one lays out its inputs. */
  private SchemaField stepPicker(Spot spot, String current) {
    ComboBox<String> box = comboBox(spot, steps.ids(), current);
    box.setItemLabelGenerator(steps::label);
    return validated(spot, box, () -> box.getValue() == null || box.getValue().isBlank() ? null : JSON.stringNode(box.getValue()));
  }

  /**
   * A choice among known values that also takes a value typed in: what is typed counts once the
   * typing pauses, without Enter; picking a value from the list counts at once.
   */
  private SchemaField picker(Spot spot, List<String> known, String current) {
    ComboBox<String> box = comboBox(spot, known, current);
    box.setAllowCustomValue(true);
    String[] typed = {null};
    box.addCustomValueSetListener(e -> {
      List<String> grown = new ArrayList<>(box.getListDataView().getItems().toList());
      if (!grown.contains(e.getDetail())) {
        grown.add(e.getDetail());
        box.setItems(grown);
      }
      typed[0] = null;
      box.setValue(e.getDetail());
      onEdit.accept(spot.pointer());
    });
    box.addValueChangeListener(e -> typed[0] = null);
    box.getElement().addEventListener("filter-changed", e -> {
      String filter = e.getEventData().path("event.detail.value").asString("");
      String shown = e.getEventData().path("element.inputElement.value").asString("");
      // the filter empties when the list closes after a pick: only text the user typed counts
      if (!filter.isEmpty() && filter.equals(shown)) {
        typed[0] = filter;
        onEdit.accept(spot.pointer());
      }
    }).addEventData("event.detail.value").addEventData("element.inputElement.value").debounce(TYPING_PAUSE_MS);
    return validated(spot, box, () -> {
      String chosen = typed[0] != null ? typed[0] : box.getValue();
      return chosen == null || chosen.isBlank() ? null : JSON.stringNode(chosen);
    });
  }

  /** A combo box of the known values, the current one among them even when it is not known. */
  private static ComboBox<String> comboBox(Spot spot, List<String> known, String current) {
    List<String> items = new ArrayList<>(known);
    if (!current.isEmpty() && !items.contains(current)) {
      items.add(current);
    }
    ComboBox<String> box = new ComboBox<>(spot.label(), items);
    box.setId(spot.id());
    box.setValue(current.isEmpty() ? null : current);
    box.setWidthFull();
    return box;
  }

  private SchemaField integer(Spot spot, JsonNode value) {
    IntegerField field = new IntegerField(spot.label());
    field.setId(spot.id());
    if (value != null && value.isNumber()) {
      field.setValue(value.asInt());
    }
    spot.placeholder(field::setPlaceholder);
    return validated(spot, field, () -> field.getValue() == null ? null : JSON.numberNode(field.getValue()));
  }

  private SchemaField number(Spot spot, JsonNode value) {
    NumberField field = new NumberField(spot.label());
    field.setId(spot.id());
    if (value != null && value.isNumber()) {
      field.setValue(value.asDouble());
    }
    spot.placeholder(field::setPlaceholder);
    return validated(spot, field, () -> field.getValue() == null ? null : JSON.numberNode(field.getValue()));
  }

  private SchemaField bool(Spot spot, JsonNode value) {
    boolean fallback = spot.schema().path("default").asBoolean(false);
    Checkbox box = new Checkbox(spot.label(), value != null && value.isBoolean() ? value.asBoolean() : fallback);
    box.setId(spot.id());
    box.setHelperText(spot.help());
    box.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        onEdit.accept(spot.pointer());
      }
    });
    // the default is left out until the user changes it; a value the config holds stays written
    return CompositeField.plain(box, () -> (value == null || !value.isBoolean()) && box.getValue() == fallback ? null
        : JSON.booleanNode(box.getValue()));
  }

  private SchemaField group(Spot spot, JsonNode value) {
    SchemaField inner = object(spot.id(), spot.pointer(), spot.schema(), value);
    Div box = titled(spot, inner.component());
    return new CompositeField(box, inner::value, inner::showProblem, inner::clearProblems);
  }

  /** A heading with the field's title and description above grouped content (a group, rows). */
  static Div titled(Spot spot, Component content) {
    Span title = new Span(spot.label());
    title.addClassName("sb-group-title");
    Div box = new Div(title);
    if (spot.required()) {
      Span required = new Span("required");
      required.addClassName("sb-required");
      title.add(required);
    }
    if (!spot.help().isEmpty()) {
      Span help = new Span(spot.help());
      help.addClassName("sb-group-help");
      box.add(help);
    }
    box.add(content);
    box.addClassName("sb-group");
    box.setWidthFull();
    return box;
  }

  /**
   * A field that shows its label, help, whether it is required and the problems found in its
   * value; the user's changes count after a pause in typing (text) or at once (a choice).
   */
  <C extends Component & HasValidation & HasValue<?, ?>> SchemaField validated(Spot spot, C component,
      Supplier<JsonNode> value) {
    component.setManualValidation(true);
    component.setRequiredIndicatorVisible(spot.required());
    if (component instanceof com.vaadin.flow.component.HasHelper helper && !spot.help().isEmpty()) {
      helper.setHelperText(spot.help());
    }
    if (component instanceof HasValueChangeMode typed) {
      typed.setValueChangeMode(ValueChangeMode.LAZY);
      typed.setValueChangeTimeout(TYPING_PAUSE_MS);
    }
    component.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        onEdit.accept(spot.pointer());
      }
    });
    return new ProblemField(component, value);
  }

  /** Reports an edit of the field at this pointer into the config. */
  void edited(String pointer) {
    onEdit.accept(pointer);
  }
}
