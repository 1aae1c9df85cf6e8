package io.switchboard.flow.analysis;

import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.ConfigFields;
import io.switchboard.flow.schema.NodeTypeCatalog;
import java.util.Set;
import java.util.TreeSet;

/**
 * The queue names a flow uses (fields marked {@code "x-suggest": "queue"}, and a forward's
 * {@code "destination"} when its target kind is queue), so that editors can offer the queues already
 * in use; templated names ({@code {{ … }}}) are left out.
 */
public final class QueueNames {
  private QueueNames() {}

  public static Set<String> of(FlowDocument flow) {
    Set<String> names = new TreeSet<>();
    for (FlowNode node : flow.nodes()) {
      // a forward's destination is a queue only when its target kind says so
      String suggestion = NodeType.FORWARD.id().equals(node.type())
          ? ("queue".equals(node.config().path("target").path("kind").asString("")) ? "destination" : null)
          : "queue";
      if (suggestion == null) {
        continue;
      }
      NodeType.fromId(node.type()).ifPresent(type -> ConfigFields.suggested(NodeTypeCatalog.get().of(type), node.config(),
          suggestion).stream().filter(name -> !name.isBlank() && !name.contains("{{")).forEach(names::add));
    }
    return names;
  }
}
