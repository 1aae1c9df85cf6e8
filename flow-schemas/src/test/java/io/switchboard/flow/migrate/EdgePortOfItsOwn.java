package io.switchboard.flow.migrate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Example step: an edge named where it starts as {@code "node.port"} in one field; the port becomes
 * a field of its own. Neither node ids nor port names hold a dot, so the split is unambiguous.
 */
final class EdgePortOfItsOwn implements FlowMigration {
  @Override
  public String from() {
    return "example.flow/2";
  }

  @Override
  public String to() {
    return "example.flow/3";
  }

  @Override
  public ObjectNode migrate(ObjectNode flow) {
    ObjectNode next = flow.deepCopy();
    next.put("format", to());
    for (JsonNode edge : next.path("edges")) {
      String start = edge.path("from").asString("");
      int dot = start.indexOf('.');
      if (edge instanceof ObjectNode split && dot > 0 && !split.has("port")) {
        split.put("from", start.substring(0, dot));
        split.put("port", start.substring(dot + 1));
      }
    }
    return next;
  }
}
