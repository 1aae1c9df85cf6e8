package io.switchboard.flow.analysis;

import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.ConfigFields;
import io.switchboard.flow.schema.NodeTypeCatalog;
import java.util.Set;
import java.util.TreeSet;

/**
 * The queue names a flow uses (fields marked {@code "x-suggest": "queue"}), so that editors can offer
 * the queues already in use. A forward counts only when its target is a queue; templated names
 * ({@code {{ … }}}) are left out.
 */
public final class QueueNames {
  private QueueNames() {}

  public static Set<String> of(FlowDocument flow) {
    Set<String> names = new TreeSet<>();
    for (FlowNode node : flow.nodes()) {
      if (NodeType.FORWARD.id().equals(node.type()) && !"queue".equals(node.config().path("target").path("kind").asString(""))) {
        continue;
      }
      NodeType.fromId(node.type()).ifPresent(type -> ConfigFields.suggested(NodeTypeCatalog.get().of(type), node.config(), "queue")
          .stream().filter(name -> !name.isBlank() && !name.contains("{{")).forEach(names::add));
    }
    return names;
  }
}
