package io.switchboard.flow.validate;

import com.networknt.schema.Error;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.NodeTypeCatalog;
import io.switchboard.flow.schema.NodeTypeSchema;
import io.switchboard.flow.schema.SchemaErrors;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Every node has a known type and a config that its type's schema accepts. */
final class NodeConfigRule implements ValidationRule {
  @Override
  public void check(FlowGraph flow, List<Problem> problems) {
    for (int i = 0; i < flow.nodes().size(); i++) {
      FlowNode node = flow.nodes().get(i);
      String pointer = "/nodes/" + i;
      Optional<NodeType> type = NodeType.fromId(node.type());
      if (type.isEmpty()) {
        problems.add(Problem.error(pointer + "/type", node.id(), FlowGraph.name(node)
            + ": this kind of step (" + node.type() + ") is unknown here; replace it with a step from the palette ("
            + knownTypes() + ")."));
        continue;
      }
      NodeTypeSchema schema = NodeTypeCatalog.get().of(type.get());
      for (Error error : SchemaErrors.validate(schema, node.config())) {
        SchemaSentences.of(error, schema.document(), type.get().id()).ifPresent(found -> problems.add(Problem.error(
            pointer + "/config" + found.pointer(), node.id(), FlowGraph.name(node) + ": " + found.sentence())));
      }
    }
  }

  private static String knownTypes() {
    return String.join(", ", Arrays.stream(NodeType.values()).map(t -> NodeTypeCatalog.get().of(t).title()).toList());
  }
}
