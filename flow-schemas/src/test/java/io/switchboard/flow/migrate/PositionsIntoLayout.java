package io.switchboard.flow.migrate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Example step: a node's canvas position moves out of the node into the document's layout, keyed by node id. */
final class PositionsIntoLayout implements FlowMigration {
  @Override
  public String from() {
    return "example.flow/1";
  }

  @Override
  public String to() {
    return "example.flow/2";
  }

  @Override
  public ObjectNode migrate(ObjectNode flow) {
    ObjectNode next = flow.deepCopy();
    next.put("format", to());
    for (JsonNode node : next.path("nodes")) {
      if (node instanceof ObjectNode moved && moved.has("position") && moved.path("id").isString()) {
        ObjectNode layout = next.path("layout") instanceof ObjectNode existing ? existing : next.putObject("layout");
        layout.set(moved.path("id").asString(), moved.remove("position"));
      }
    }
    return next;
  }
}
