package io.switchboard.designer.flows;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.Position;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documents a new flow starts from: a trigger and nothing else, or one of the five reference
 * flows (they ship in the flow-schemas jar under {@code examples/}; their data steps are looked up
 * only when the copy runs or is tested).
 */
final class FlowTemplates {
  /** The reference flows in the order the dialog offers them. */
  private static final List<String> EXAMPLES = List.of("priority-routing", "support-call", "self-service", "email-case",
      "campaign");

  private FlowTemplates() {}

  /** A reference flow to start from: its name, what it does, and what starts it. */
  record Template(String id, String name, String description, String trigger) {}

  static String empty(String id, String name) {
    FlowNode trigger = new FlowNode("trigger", "trigger", "Start",
        FlowJson.mapper().createObjectNode().put("channel", "voice"));
    return FlowJson.write(new FlowDocument(FlowDocument.CURRENT_FORMAT, id, name, null, List.of(), List.of(trigger),
        List.of(), Map.of("trigger", new Position(0, 0))));
  }

  /** The five reference flows. */
  static List<Template> all() {
    return EXAMPLES.stream().map(id -> {
      String text = read(id);
      JsonNode tree = FlowJson.readTree(text);
      return new Template(id, tree.path("name").asString(id), tree.path("description").asString(""),
          FlowSummaries.trigger(text));
    }).toList();
  }

  /** A copy of a reference flow under a new id and name, to save as a draft. */
  static String copy(String templateId, String id, String name) {
    ObjectNode tree = (ObjectNode) FlowJson.readTree(read(templateId));
    tree.put("id", id);
    tree.put("name", name);
    return FlowJson.write(tree);
  }

  private static String read(String id) {
    if (!EXAMPLES.contains(id)) {
      throw new IllegalArgumentException("no template '" + id + "'");
    }
    try (InputStream in = FlowTemplates.class.getResourceAsStream("/examples/" + id + ".json")) {
      if (in == null) {
        throw new IllegalStateException("the flow-schemas jar lacks examples/" + id + ".json");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
