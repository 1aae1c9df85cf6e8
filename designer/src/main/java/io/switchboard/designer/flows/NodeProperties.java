package io.switchboard.designer.flows;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.switchboard.designer.flows.properties.SchemaField;
import io.switchboard.designer.flows.properties.SchemaForm;
import io.switchboard.flow.json.FlowFormatException;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.NodeTypeCatalog;
import io.switchboard.flow.validate.Problem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The selected node's label and config: a form generated from the node type's JSON Schema, and
 * the config as JSON for anything the form does not cover. Every edit is handed on as it is made
 * (after a pause in typing), keyed by the node and field so that the edits of one field make one
 * undo step; the problems the validator finds in the node's config show next to their fields.
 */
@com.vaadin.flow.component.dependency.StyleSheet("styles/inspector.css")
final class NodeProperties extends VerticalLayout {
  /** How long typing in the JSON view pauses before the JSON is read: longer, as it is invalid while typed. */
  private static final int JSON_PAUSE_MS = 800;
  private static final Pattern CONFIG_POINTER = Pattern.compile("^/nodes/\\d+/config(/.*)?$");

  private final BiConsumer<JsonNode, String> onChange;
  private final SchemaForm forms;
  private final H3 heading = new H3("Properties");
  private final Paragraph help = new Paragraph("Select a node on the canvas.");
  /** How the canvas is worked, shown while no node is selected. */
  private final UnorderedList tips = new UnorderedList(
      new ListItem("Drag a step from the palette onto the canvas; drag from a port's dot to the next step to connect them."),
      new ListItem("Select a step to fill in what it does here; changes are saved as you type."),
      new ListItem("Delete removes what is selected; Ctrl+C and Ctrl+V copy it; Ctrl+Z and Ctrl+Shift+Z undo and redo."),
      new ListItem("Run draft in the Test run tab plays the flow without calling anyone; Publish puts it live."));
  private final Paragraph stepInfo = new Paragraph();
  private final UnorderedList nodeProblems = new UnorderedList();
  private final FetchExtras fetch;
  private final TextField label = new TextField("Label");
  private final Div formHolder = new Div();
  private final TextArea config = new TextArea("Config (JSON)");
  private final Details json;
  private SchemaField form;
  /** The layout the form was built for (see {@link SchemaForm#layout}). */
  private String formLayout;
  private JsonNode document;
  private String nodeId;
  private List<Problem> problems = List.of();
  /** True while an edit typed in the JSON view is saved: the view keeps the text as typed. */
  private boolean typingJson;

  NodeProperties(BiConsumer<JsonNode, String> onChange, FetchExtras fetch, Map<String, Supplier<List<String>>> suggestions) {
    this.onChange = onChange;
    this.fetch = fetch;
    this.forms = new SchemaForm(fetch, this::applyForm, () -> fetch.readableAt(document, nodeId), suggestions);
    stepInfo.setId("step-info");
    stepInfo.addClassName("sb-step-info");
    nodeProblems.setId("node-problems");
    nodeProblems.addClassName("sb-node-problems");
    setId("node-properties");
    addClassName("sb-inspector");
    setHeightFull();
    label.setId("node-label");
    label.setWidthFull();
    label.setHelperText("The name on the card, in problems and in test runs.");
    label.setValueChangeMode(ValueChangeMode.LAZY);
    label.setValueChangeTimeout(SchemaForm.TYPING_PAUSE_MS);
    label.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        replace(currentConfig(), "/label");
      }
    });
    formHolder.setWidthFull();
    config.setId("node-config");
    config.setWidthFull();
    config.setMinHeight("10rem");
    config.getStyle().set("font-family", "monospace");
    config.setHelperText("Changes here count once they are valid JSON.");
    config.setValueChangeMode(ValueChangeMode.LAZY);
    config.setValueChangeTimeout(JSON_PAUSE_MS);
    config.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        applyJson();
      }
    });
    json = new Details("JSON", config);
    json.setId("node-json-details");
    json.setWidthFull();
    tips.addClassName("sb-canvas-tips");
    tips.setId("canvas-tips");
    add(heading, help, tips, stepInfo, nodeProblems, label, formHolder, json);
    show(null, null);
  }

  /** Shows a node; showing the node already shown keeps its form unless the config changed under it. */
  void show(JsonNode document, String nodeId) {
    boolean same = nodeId != null && nodeId.equals(this.nodeId) && form != null;
    this.document = document;
    this.nodeId = nodeId;
    if (same && find(nodeId) != null && !outdated()) {
      forms.refreshSuggestions();
      return;
    }
    build();
  }

  /**
   * The flow changed (saved from this form, an edge drawn, an undo on the canvas) while this node
   * stays selected: what its expression fields offer is worked out again, and the form is laid out
   * again only when the node's config is no longer what the form holds, so typing goes on undisturbed.
   */
  void documentChanged(JsonNode changed) {
    this.document = changed;
    if (nodeId == null) {
      return;
    }
    if (find(nodeId) == null || outdated()) {
      build();
    } else {
      forms.refreshSuggestions();
      if (!typingJson) {
        config.setValue(FlowJson.write(savedConfig(find(nodeId))));
      }
    }
  }

  /**
   * The problems of the draft: those in this node's config show next to their fields, the node's
   * others above the form.
   */
  void showProblems(List<Problem> all) {
    this.problems = List.copyOf(all);
    nodeProblems.removeAll();
    if (form != null) {
      form.clearProblems();
    }
    if (nodeId == null || find(nodeId) == null) {
      nodeProblems.setVisible(false);
      return;
    }
    for (Problem problem : problems) {
      if (!nodeId.equals(problem.nodeId())) {
        continue;
      }
      Matcher field = CONFIG_POINTER.matcher(Objects.requireNonNullElse(problem.pointer(), ""));
      boolean shown = form != null && field.matches()
          && form.showProblem(Objects.requireNonNullElse(field.group(1), ""), problem.message());
      if (!shown) {
        ListItem item = new ListItem(problem.message());
        item.addClassName(problem.isError() ? "sb-error" : "sb-warning");
        nodeProblems.add(item);
      }
    }
    nodeProblems.setVisible(nodeProblems.getComponentCount() > 0);
  }

  private boolean outdated() {
    JsonNode node = find(nodeId);
    JsonNode saved = savedConfig(node);
    String type = node.path("type").asString("");
    return !Objects.equals(formLayout, layout(type, saved))
        || !saved.equals(fetch.withStepInputs(type, currentConfig()))
        || !node.path("label").asString("").equals(label.getValue().strip());
  }

  private static JsonNode savedConfig(JsonNode node) {
    return node.path("config").isObject() ? node.path("config") : FlowJson.mapper().createObjectNode();
  }

  private static String layout(String type, JsonNode config) {
    return NodeType.fromId(type).map(t -> SchemaForm.layout(NodeTypeCatalog.get().of(t).document(), config)).orElse("");
  }

  private void build() {
    JsonNode node = find(nodeId);
    boolean present = node != null;
    label.setVisible(present);
    formHolder.setVisible(present);
    json.setVisible(present);
    config.setInvalid(false);
    formHolder.removeAll();
    stepInfo.setVisible(false);
    form = null;
    formLayout = null;
    if (!present) {
      heading.setText("Properties");
      help.setText("Select a node on the canvas.");
      tips.setVisible(true);
      nodeProblems.setVisible(false);
      return;
    }
    String type = node.path("type").asString();
    var schema = NodeType.fromId(type).map(NodeTypeCatalog.get()::of);
    heading.setText(schema.map(s -> s.title()).orElse(type));
    // the id is what the JSON source and a run's steps name the node by: there, but quieter than the type
    Span id = new Span(" · " + nodeId);
    id.addClassName("sb-node-id");
    id.setTitle("The node's id: the JSON source and the test run name the node by it");
    heading.add(id);
    help.setText(schema.map(s -> s.help()).orElse(""));
    tips.setVisible(false);
    label.setValue(node.path("label").asString(""));
    label.setPlaceholder(nodeId);
    fetch.stepInfo(node).ifPresent(info -> {
      stepInfo.setText(info);
      stepInfo.setVisible(true);
    });
    JsonNode current = savedConfig(node);
    if (!typingJson) {
      config.setValue(FlowJson.write(current));
    }
    formLayout = layout(type, current);
    form = schema.map(s -> forms.form("node-form", s.document(), current)).orElse(null);
    if (form != null) {
      formHolder.add(form.component());
    }
    showProblems(problems);
  }

  private JsonNode find(String id) {
    if (document == null || id == null) {
      return null;
    }
    for (JsonNode node : document.path("nodes")) {
      if (id.equals(node.path("id").asString())) {
        return node;
      }
    }
    return null;
  }

  /** What the form holds now, or the saved config when the node type has no form. */
  private JsonNode currentConfig() {
    JsonNode node = find(nodeId);
    if (form == null) {
      return node == null ? FlowJson.mapper().createObjectNode() : savedConfig(node).deepCopy();
    }
    JsonNode value = form.value();
    return value == null ? FlowJson.mapper().createObjectNode() : value;
  }

  /** A field of the form changed: the pointer says which, within the config. */
  private void applyForm(String pointer) {
    if (find(nodeId) != null) {
      replace(currentConfig(), "/config" + pointer);
    }
  }

  private void applyJson() {
    JsonNode parsed;
    try {
      parsed = FlowJson.readTree(config.getValue());
    } catch (FlowFormatException e) {
      config.setInvalid(true);
      config.setErrorMessage(e.getMessage());
      return;
    }
    if (!parsed.isObject()) {
      config.setInvalid(true);
      config.setErrorMessage("The config is a JSON object: { … }");
      return;
    }
    config.setInvalid(false);
    typingJson = true;
    try {
      replace(parsed, "/config");
    } finally {
      typingJson = false;
    }
  }

  private void replace(JsonNode newConfig, String field) {
    JsonNode node = find(nodeId);
    if (node == null) {
      return;
    }
    JsonNode filled = fetch.withStepInputs(node.path("type").asString(""), newConfig);
    ObjectNode copy = (ObjectNode) document.deepCopy();
    for (JsonNode each : (ArrayNode) copy.path("nodes")) {
      if (nodeId.equals(each.path("id").asString())) {
        ObjectNode editable = (ObjectNode) each;
        if (label.getValue().isBlank()) {
          editable.remove("label");
        } else {
          editable.put("label", label.getValue().strip());
        }
        editable.set("config", filled);
      }
    }
    onChange.accept(copy, "node:" + nodeId + field);
  }
}
