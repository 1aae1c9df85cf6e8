package io.switchboard.flow.validate;

import io.switchboard.flow.model.FlowEdge;
import io.switchboard.flow.model.FlowNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loop made only of automatic nodes (none waits for an agent, a timer or an event) would spin
 * forever: find the strongly connected components of the automatic part of the graph (Tarjan).
 */
final class AutomaticCycleRule implements ValidationRule {
  @Override
  public void check(FlowGraph flow, List<Problem> problems) {
    new Tarjan(flow).run().forEach(cycle -> {
      FlowNode first = cycle.getFirst();
      String names = String.join(" → ", cycle.stream().map(n -> n.label() != null ? n.label() : n.id()).toList());
      problems.add(Problem.error(flow.nodePointer(first.id()), first.id(), "The nodes " + names
          + " form a loop with no step that waits (agent script or wait); it would run forever. Add a wait or break the loop."));
    });
  }

  private static final class Tarjan {
    private final FlowGraph flow;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final List<List<FlowNode>> cycles = new ArrayList<>();
    private int counter;

    Tarjan(FlowGraph flow) {
      this.flow = flow;
    }

    List<List<FlowNode>> run() {
      for (FlowNode node : flow.nodes()) {
        if (automatic(node) && !index.containsKey(node.id())) {
          visit(node.id());
        }
      }
      return cycles;
    }

    private boolean automatic(FlowNode node) {
      return flow.typeOf(node).map(t -> !t.waits()).orElse(false);
    }

    private void visit(String id) {
      index.put(id, counter);
      low.put(id, counter++);
      stack.push(id);
      boolean selfLoop = false;
      for (FlowEdge edge : flow.edgesFrom(id)) {
        FlowNode target = flow.node(edge.to()).orElse(null);
        if (target == null || !automatic(target)) {
          continue;
        }
        selfLoop |= edge.to().equals(id);
        if (!index.containsKey(edge.to())) {
          visit(edge.to());
          low.put(id, Math.min(low.get(id), low.get(edge.to())));
        } else if (stack.contains(edge.to())) {
          low.put(id, Math.min(low.get(id), index.get(edge.to())));
        }
      }
      if (low.get(id).equals(index.get(id))) {
        List<FlowNode> component = new ArrayList<>();
        String member;
        do {
          member = stack.pop();
          component.addFirst(flow.node(member).orElseThrow());
        } while (!member.equals(id));
        if (component.size() > 1 || selfLoop) {
          cycles.add(component);
        }
      }
    }
  }

}
