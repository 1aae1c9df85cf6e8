package io.switchboard.flow.validate;

import io.switchboard.flow.model.FlowEdge;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A node that no path from the trigger reaches never runs. */
final class ReachabilityRule implements ValidationRule {
  @Override
  public void check(FlowGraph flow, List<Problem> problems) {
    Deque<String> todo = new ArrayDeque<>();
    flow.nodes().stream().filter(n -> NodeType.TRIGGER.id().equals(n.type())).forEach(n -> todo.add(n.id()));
    if (todo.isEmpty()) {
      return; // TriggerRule reports it
    }
    Set<String> reached = new HashSet<>(todo);
    while (!todo.isEmpty()) {
      for (FlowEdge edge : flow.edgesFrom(todo.poll())) {
        if (reached.add(edge.to())) {
          todo.add(edge.to());
        }
      }
    }
    for (FlowNode node : flow.nodes()) {
      if (!reached.contains(node.id())) {
        problems.add(Problem.warning(flow.nodePointer(node.id()), node.id(), FlowGraph.name(node)
            + ": no path from the trigger leads here, so it never runs; connect it or remove it.")
            .withFix(Fix.removeNode(node.id(), FlowGraph.name(node))));
      }
    }
  }
}
