package io.switchboard.designer.flows;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.Position;
import java.util.List;
import java.util.Map;

/** The document a new flow starts from: a trigger and nothing else. */
final class FlowTemplates {
  private FlowTemplates() {}

  static String empty(String id, String name) {
    FlowNode trigger = new FlowNode("trigger", "trigger", "Start",
        FlowJson.mapper().createObjectNode().put("channel", "voice"));
    return FlowJson.write(new FlowDocument(FlowDocument.CURRENT_FORMAT, id, name, null, List.of(), List.of(trigger),
        List.of(), Map.of("trigger", new Position(0, 0))));
  }
}
