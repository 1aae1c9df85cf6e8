package io.switchboard.flow.validate;

import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.NodeTypeCatalog;
import tools.jackson.databind.JsonNode;

/**
 * How problems name a node for a person: its label; a node without one by its type's title (a
 * freshly dropped fetch node is "Fetch variables"); a node of unknown type by its id.
 */
public final class NodeNames {
  private NodeNames() {}

  public static String of(FlowNode node) {
    return of(node.id(), node.type(), node.label());
  }

  /** The name of a node of a JSON document, as the designer holds it. */
  public static String of(JsonNode node) {
    return of(node.path("id").asString(""), node.path("type").asString(""), node.path("label").asString(null));
  }

  private static String of(String id, String type, String label) {
    if (label != null && !label.isBlank()) {
      return label.strip();
    }
    return NodeType.fromId(type).map(t -> NodeTypeCatalog.get().of(t).title()).filter(t -> !t.isBlank()).orElse(id);
  }

  /**
   * The message without the node's name in front ("Check tier: add a case" gives "Add a case"),
   * for a list that shows the name on its own; other messages as they are.
   */
  public static String withoutName(String message, String name) {
    String prefix = name + ": ";
    if (name.isEmpty() || !message.startsWith(prefix) || message.length() == prefix.length()) {
      return message;
    }
    String rest = message.substring(prefix.length());
    return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
  }
}
