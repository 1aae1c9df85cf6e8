package io.switchboard.flow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** A node of the graph: a stable opaque id, a type, an editable label and the type's config. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "type", "label", "config"})
public record FlowNode(String id, String type, String label, JsonNode config) {

  public FlowNode {
    if (config == null) {
      config = JsonNodeFactory.instance.objectNode();
    }
  }

  public String displayName() {
    return label == null || label.isBlank() ? id : label;
  }
}
