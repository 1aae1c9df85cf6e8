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
      Fix remove = Fix.removeEdge(edge.key());
      if (from.isEmpty()) {
        problems.add(Problem.edgeError(pointer + "/from", edge.key(), "A connection starts at a step '" + edge.from()
            + "' that does not exist; remove it.").withFix(remove));
        continue;
      }
      String name = FlowGraph.name(from.get());
      if (to.isEmpty()) {
        problems.add(Problem.edgeError(pointer + "/to", edge.key(), name + ": its “" + edge.port()
            + "” path leads to a step '" + edge.to() + "' that does not exist; remove the connection or connect it again.")
            .withFix(remove));
        continue;
      }
      if (NodeType.fromId(from.get().type()).isPresent() && !flow.ports(from.get()).contains(edge.port())) {
        problems.add(Problem.edgeError(pointer + "/port", edge.key(), name + ": there is no path named '" + edge.port()
            + "' (its paths are " + describePorts(flow.ports(from.get())) + "); remove this connection.")
            .withFix(remove));
      }
      if (!usedPorts.add(edge.from() + "\u0000" + edge.port())) {
        problems.add(Problem.edgeError(pointer, edge.key(), name + ": its “" + edge.port()
            + "” path is connected twice; a path leads to one step, so remove one connection.").withFix(remove));
      }
      if (NodeType.TRIGGER.id().equals(to.get().type())) {
        problems.add(Problem.edgeError(pointer + "/to", edge.key(), name + ": a connection leads back into the trigger; "
            + "nothing can lead into a trigger, so remove it.").withFix(remove));
      }
    }
  }

  static String describePorts(List<String> ports) {
    return ports.isEmpty() ? "none" : "'" + String.join("', '", ports) + "'";
  }
}
