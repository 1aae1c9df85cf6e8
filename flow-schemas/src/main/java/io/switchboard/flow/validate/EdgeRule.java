package io.switchboard.flow.validate;

import io.switchboard.flow.model.FlowEdge;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every edge leaves a declared port of an existing node for an existing node; a port has one edge. */
final class EdgeRule implements ValidationRule {
  @Override
  public void check(FlowGraph flow, List<Problem> problems) {
    Set<String> usedPorts = new HashSet<>();
    List<FlowEdge> edges = flow.document().edges();
    for (int i = 0; i < edges.size(); i++) {
      FlowEdge edge = edges.get(i);
      String pointer = "/edges/" + i;
      Optional<FlowNode> from = flow.node(edge.from());
      Optional<FlowNode> to = flow.node(edge.to());
      if (from.isEmpty()) {
        problems.add(Problem.edgeError(pointer + "/from", edge.key(),
            "A connection starts at node '" + edge.from() + "', which does not exist."));
        continue;
      }
      if (to.isEmpty()) {
        problems.add(Problem.edgeError(pointer + "/to", edge.key(), "A connection from "
            + FlowGraph.name(from.get()) + " leads to node '" + edge.to() + "', which does not exist."));
        continue;
      }
      if (NodeType.fromId(from.get().type()).isPresent() && !flow.ports(from.get()).contains(edge.port())) {
        problems.add(Problem.edgeError(pointer + "/port", edge.key(), FlowGraph.describe(from.get())
            + " has no path named '" + edge.port() + "'; its paths are " + describePorts(flow.ports(from.get())) + "."));
      }
      if (!usedPorts.add(edge.from() + "\u0000" + edge.port())) {
        problems.add(Problem.edgeError(pointer, edge.key(), "The path '" + edge.port() + "' of "
            + FlowGraph.name(from.get()) + " is connected twice; a path leads to one node."));
      }
      if (NodeType.TRIGGER.id().equals(to.get().type())) {
        problems.add(Problem.edgeError(pointer + "/to", edge.key(), "A connection leads back into the trigger, "
            + FlowGraph.name(to.get()) + "; nothing can lead into a trigger."));
      }
    }
  }

  static String describePorts(List<String> ports) {
    return ports.isEmpty() ? "none" : "'" + String.join("', '", ports) + "'";
  }
}
