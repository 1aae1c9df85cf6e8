package io.switchboard.flow.validate;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a problem's one-click {@link Fix} to a flow document. A pure transformation of the JSON
 * the designer holds: the given document is left as it was, and a fix whose work is done already
 * (the variable is declared, the connection is gone) gives an equal copy.
 */
public final class Fixes {
  /** How far to the right of its node a new End node is placed, and how far apart End nodes are stacked. */
  static final int END_OFFSET_X = 280;
  static final int END_STEP_Y = 120;

  private Fixes() {}

  public static JsonNode apply(JsonNode document, Fix fix) {
    ObjectNode fixed = (ObjectNode) document.deepCopy();
    switch (fix.kind()) {
      case declareVariable -> declare(fixed, fix.variable(), fix.variableType());
      case connectToEnd -> connectToEnd(fixed, fix.nodeId(), fix.port());
      case removeEdge -> removeLastEdge(fixed, fix.edgeId());
      case removeNode -> removeNode(fixed, fix.nodeId());
    }
    return fixed;
  }

  private static void declare(ObjectNode document, String name, String type) {
    ArrayNode variables = array(document, "variables");
    for (JsonNode variable : variables) {
      if (name.equals(variable.path("name").asString(null))) {
        return;
      }
    }
    variables.addObject().put("name", name).put("type", type == null ? "string" : type);
  }

  /** A new End node to the right of the node, below any node already there, and the path connected to it. */
  private static void connectToEnd(ObjectNode document, String nodeId, String port) {
    ArrayNode edges = array(document, "edges");
    for (JsonNode edge : edges) {
      if (nodeId.equals(edge.path("from").asString(null)) && port.equals(edge.path("port").asString(null))) {
        return;
      }
    }
    Set<String> ids = new HashSet<>();
    array(document, "nodes").forEach(n -> ids.add(n.path("id").asString("")));
    int n = 1;
    while (ids.contains("end" + n)) {
      n++;
    }
    String endId = "end" + n;
    array(document, "nodes").addObject().put("id", endId).put("type", "end").putObject("config");
    edges.addObject().put("from", nodeId).put("port", port).put("to", endId);
    ObjectNode layout = document.path("layout").isObject() ? (ObjectNode) document.path("layout") : document.putObject("layout");
    JsonNode from = layout.path(nodeId);
    double x = from.path("x").asDouble(0) + END_OFFSET_X;
    double y = from.path("y").asDouble(0);
    while (taken(layout, x, y)) {
      y += END_STEP_Y;
    }
    layout.putObject(endId).put("x", Math.round(x)).put("y", Math.round(y));
  }

  private static boolean taken(ObjectNode layout, double x, double y) {
    for (JsonNode position : layout) {
      if (Math.abs(position.path("x").asDouble() - x) < END_OFFSET_X / 2.0
          && Math.abs(position.path("y").asDouble() - y) < END_STEP_Y / 2.0) {
        return true;
      }
    }
    return false;
  }

  private static void removeNode(ObjectNode document, String nodeId) {
    ArrayNode nodes = array(document, "nodes");
    for (int i = nodes.size() - 1; i >= 0; i--) {
      if (nodeId.equals(nodes.get(i).path("id").asString(null))) {
        nodes.remove(i);
      }
    }
    removeEdges(document, edge -> nodeId.equals(edge.path("from").asString(null)) || nodeId.equals(edge.path("to").asString(null)));
    if (document.path("layout") instanceof ObjectNode layout) {
      layout.remove(nodeId);
    }
  }

  /** The last connection with the key: of two equal ones, the second is the one reported. */
  private static void removeLastEdge(ObjectNode document, String edgeKey) {
    ArrayNode edges = array(document, "edges");
    for (int i = edges.size() - 1; i >= 0; i--) {
      if (edgeKey.equals(key(edges.get(i)))) {
        edges.remove(i);
        return;
      }
    }
  }

  private static void removeEdges(ObjectNode document, java.util.function.Predicate<JsonNode> gone) {
    ArrayNode edges = array(document, "edges");
    for (int i = edges.size() - 1; i >= 0; i--) {
      if (gone.test(edges.get(i))) {
        edges.remove(i);
      }
    }
  }

  /** An edge's key as {@link io.switchboard.flow.model.FlowEdge#key()} gives it: its id, else from.port->to. */
  private static String key(JsonNode edge) {
    String id = edge.path("id").asString(null);
    return id != null ? id : edge.path("from").asString("") + "." + edge.path("port").asString("") + "->" + edge.path("to").asString("");
  }

  private static ArrayNode array(ObjectNode document, String field) {
    return document.path(field).isArray() ? (ArrayNode) document.path(field) : document.putArray(field);
  }
}
