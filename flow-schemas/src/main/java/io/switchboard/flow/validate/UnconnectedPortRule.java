package io.switchboard.flow.validate;

import io.switchboard.flow.model.FlowEdge;
import io.switchboard.flow.model.FlowNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A path left unconnected ends the interaction there (or fails it, for an {@code error} path):
 * worth a warning, unless the schema marks the port optional ({@code x-ports.optional}).
 */
final class UnconnectedPortRule implements ValidationRule {
  @Override
  public void check(FlowGraph flow, List<Problem> problems) {
    for (FlowNode node : flow.nodes()) {
      flow.typeOf(node).ifPresent(type -> {
        Set<String> connected = flow.edgesFrom(node.id()).stream().map(FlowEdge::port).collect(Collectors.toSet());
        Set<String> optional = type.optionalPorts();
        for (String port : type.ports(node.config())) {
          if (!connected.contains(port) && !optional.contains(port)) {
            String effect = "error".equals(port)
                ? "if this step fails, the interaction fails"
                : "the interaction ends when it takes this path";
            problems.add(Problem.warning(flow.nodePointer(node.id()), node.id(), FlowGraph.name(node)
                + ": nothing is connected to its “" + port + "” path; " + effect + ".")
                .withFix(Fix.connectToEnd(node.id(), port)));
          }
        }
      });
    }
  }
}
