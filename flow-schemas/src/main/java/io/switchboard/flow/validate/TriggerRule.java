package io.switchboard.flow.validate;

import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import java.util.List;

/** A flow starts at exactly one trigger. */
final class TriggerRule implements ValidationRule {
  @Override
  public void check(FlowGraph flow, List<Problem> problems) {
    List<FlowNode> triggers = flow.nodes().stream().filter(n -> NodeType.TRIGGER.id().equals(n.type())).toList();
    if (triggers.isEmpty()) {
      problems.add(Problem.error("/nodes", null, "The flow has no trigger: add a Trigger from the palette so the flow "
          + "knows where to start."));
    }
    for (FlowNode extra : triggers.stream().skip(1).toList()) {
      problems.add(Problem.error(flow.nodePointer(extra.id()), extra.id(), FlowGraph.name(extra)
          + ": a flow starts at one trigger and this is a second one; remove it.")
          .withFix(Fix.removeNode(extra.id(), FlowGraph.name(extra))));
    }
  }
}
