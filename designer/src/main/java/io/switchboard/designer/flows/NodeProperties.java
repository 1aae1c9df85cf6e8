package io.switchboard.designer.flows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.designer.flows.properties.SchemaField;
import io.switchboard.designer.flows.properties.SchemaForm;
import io.switchboard.flow.json.FlowFormatException;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.NodeTypeCatalog;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The selected node's label and config: a form generated from the node type's JSON Schema, and
 * the config as JSON for anything the form does not cover.
 */
final class NodeProperties extends VerticalLayout {
  private final java.util.function.BiConsumer<JsonNode, String> onChange;
  private final SchemaForm forms;
  private final H3 heading = new H3("Properties");
  private final Paragraph help = new Paragraph("Select a node on the canvas.");
  private final Paragraph stepInfo = new Paragraph();
  private final FetchExtras fetch;
  private final TextField label = new TextField("Label");
  private final Div formHolder = new Div();
  private final Button apply = new Button("Apply");
  private final TextArea config = new TextArea("Config (JSON)");
  private final Button applyJson = new Button("Apply JSON");
  private final Details json;
  private SchemaField form;
  private JsonNode document;
  private String nodeId;

  NodeProperties(java.util.function.BiConsumer<JsonNode, String> onChange, FetchExtras fetch,
      java.util.Map<String, Supplier<List<String>>> suggestions) {
    this.onChange = onChange;
    this.fetch = fetch;
    this.forms = new SchemaForm(fetch, this::applyForm, () -> fetch.readableAt(document, nodeId), suggestions);
    stepInfo.setId("step-info");
    stepInfo.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
    setId("node-properties");
    setHeightFull();
    getStyle().set("overflow", "auto");
    label.setId("node-label");
    label.setWidthFull();
    formHolder.setWidthFull();
    apply.setId("apply-node");
    apply.addThemeVariants(ButtonVariant.PRIMARY);
    apply.addClickListener(e -> applyForm());
    config.setId("node-config");
    config.setWidthFull();
    config.setMinHeight("10rem");
    config.getStyle().set("font-family", "monospace");
    applyJson.setId("apply-node-json");
    applyJson.addClickListener(e -> applyJson());
    json = new Details("JSON", new VerticalLayout(config, applyJson));
    json.setId("node-json-details");
    json.setWidthFull();
    add(heading, help, stepInfo, label, formHolder, apply, json);
    show(null, null);
  }

  void show(JsonNode document, String nodeId) {
    this.document = document;
    this.nodeId = nodeId;
    JsonNode node = find(nodeId);
    boolean present = node != null;
    label.setVisible(present);
    formHolder.setVisible(present);
    apply.setVisible(present);
    json.setVisible(present);
    config.setInvalid(false);
    formHolder.removeAll();
    stepInfo.setVisible(false);
    if (!present) {
      heading.setText("Properties");
      help.setText("Select a node on the canvas.");
      return;
    }
    String type = node.path("type").asString();
    var schema = NodeType.fromId(type).map(NodeTypeCatalog.get()::of);
    heading.setText(schema.map(s -> s.title()).orElse(type) + " · " + nodeId);
    help.setText(schema.map(s -> s.help()).orElse(""));
    label.setValue(node.path("label").asString(""));
    fetch.stepInfo(node).ifPresent(info -> {
      stepInfo.setText(info);
      stepInfo.setVisible(true);
    });
    JsonNode current = node.path("config").isMissingNode() ? FlowJson.mapper().createObjectNode() : node.path("config");
    config.setValue(FlowJson.write(current));
    form = schema.map(s -> forms.form("node-form", s.document(), current)).orElse(null);
    if (form != null) {
      formHolder.add(form.component());
    }
  }

  /**
   * The flow changed elsewhere (an edge drawn, a node added) while this node stays selected: what
   * its expression fields offer is worked out again; what is typed in the form stays.
   */
  void documentChanged(JsonNode changed) {
    this.document = changed;
    if (form != null && find(nodeId) != null) {
      forms.refreshSuggestions();
    }
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

  private void applyForm() {
    JsonNode value = form == null ? null : form.value();
    JsonNode before = document;
    JsonNode node = find(nodeId);
    replace(fetch.withStepInputs(node == null ? "" : node.path("type").asString(""),
        value == null ? FlowJson.mapper().createObjectNode() : value));
    if (document != before) {
      // saved: lay the form out again for the config as it is now (a picked step brings its inputs)
      show(document, nodeId);
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
      config.setErrorMessage("the config is a JSON object: { … }");
      return;
    }
    replace(parsed);
  }

  private void replace(JsonNode newConfig) {
    ObjectNode copy = (ObjectNode) document.deepCopy();
    for (JsonNode node : (ArrayNode) copy.path("nodes")) {
      if (nodeId.equals(node.path("id").asString())) {
        ObjectNode editable = (ObjectNode) node;
        if (label.getValue().isBlank()) {
          editable.remove("label");
        } else {
          editable.put("label", label.getValue().strip());
        }
        editable.set("config", newConfig);
      }
    }
    onChange.accept(copy, "node:" + nodeId);
  }
}
