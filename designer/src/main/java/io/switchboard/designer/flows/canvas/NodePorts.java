package io.switchboard.designer.flows.canvas;

import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.NodeTypeCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The output ports of each node of a flow document, by node id, as its type's schema resolves them
 * from its config; the canvas draws one handle per port and derives none itself. A node of an
 * unknown type has none.
 */
final class NodePorts {
  private NodePorts() {}

  static Map<String, List<String>> of(JsonNode document) {
    Map<String, List<String>> ports = new LinkedHashMap<>();
    for (JsonNode node : document.path("nodes")) {
      String id = node.path("id").asString("");
      if (!id.isEmpty()) {
        ports.put(id, NodeType.fromId(node.path("type").asString(""))
            .map(type -> NodeTypeCatalog.get().of(type).ports(node.path("config"))).orElse(List.of()));
      }
    }
    return ports;
  }
}
