package io.switchboard.designer.flows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.json.FlowFormatException;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.NodeTypeCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The selected node's label and config. The config is edited as JSON for now; the form generated
 * from the node type's schema comes next.
 */
final class NodeProperties extends VerticalLayout {
  private final SerializableConsumer<JsonNode> onChange;
  private final H3 heading = new H3("Properties");
  private final Paragraph help = new Paragraph("Select a node on the canvas.");
  private final TextField label = new TextField("Label");
  private final TextArea config = new TextArea("Config (JSON)");
  private final Button apply = new Button("Apply");
  private JsonNode document;
  private String nodeId;

  NodeProperties(SerializableConsumer<JsonNode> onChange) {
    this.onChange = onChange;
    setId("node-properties");
    label.setId("node-label");
    label.setWidthFull();
    config.setId("node-config");
    config.setWidthFull();
    config.setMinHeight("12rem");
    config.getStyle().set("font-family", "monospace");
    apply.setId("apply-node");
    apply.addClickListener(e -> apply());
    add(heading, help, label, config, apply);
    show(null, null);
  }

  void show(JsonNode document, String nodeId) {
    this.document = document;
    this.nodeId = nodeId;
    JsonNode node = find(nodeId);
    boolean present = node != null;
    label.setVisible(present);
    config.setVisible(present);
    apply.setVisible(present);
    config.setInvalid(false);
    if (!present) {
      heading.setText("Properties");
      help.setText("Select a node on the canvas.");
      return;
    }
    String type = node.path("type").asString();
    heading.setText(NodeType.fromId(type).map(t -> NodeTypeCatalog.get().of(t).title()).orElse(type) + " · " + nodeId);
    help.setText(NodeType.fromId(type).map(t -> NodeTypeCatalog.get().of(t).help()).orElse(""));
    label.setValue(node.path("label").asString(""));
    config.setValue(FlowJson.write(node.path("config").isMissingNode() ? FlowJson.mapper().createObjectNode() : node.path("config")));
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

  private void apply() {
    JsonNode parsedConfig;
    try {
      parsedConfig = FlowJson.readTree(config.getValue());
    } catch (FlowFormatException e) {
      config.setInvalid(true);
      config.setErrorMessage(e.getMessage());
      return;
    }
    if (!parsedConfig.isObject()) {
      config.setInvalid(true);
      config.setErrorMessage("the config is a JSON object: { … }");
      return;
    }
    ObjectNode copy = (ObjectNode) document.deepCopy();
    for (JsonNode node : (ArrayNode) copy.path("nodes")) {
      if (nodeId.equals(node.path("id").asString())) {
        ObjectNode editable = (ObjectNode) node;
        if (label.getValue().isBlank()) {
          editable.remove("label");
        } else {
          editable.put("label", label.getValue().strip());
        }
        editable.set("config", parsedConfig);
      }
    }
    onChange.accept(copy);
  }
}
