package io.switchboard.flow.validate;

import io.switchboard.flow.model.FlowEdge;
import io.switchboard.flow.model.FlowNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loop made only of automatic nodes (none waits for an agent, a timer or an event) would spin
 * forever: find the strongly connected components of the automatic part of the graph (Tarjan).
 */
final class AutomaticCycleRule implements ValidationRule {
  /** How many steps of a loop the sentence names; a long loop reads as its first steps and a count. */
  private static final int SHOWN = 5;

  @Override
  public void check(FlowGraph flow, List<Problem> problems) {
    new Tarjan(flow).run().forEach(cycle -> {
      FlowNode first = cycle.getFirst();
      List<String> shown = cycle.stream().limit(SHOWN).map(FlowGraph::name).toList();
      String names = String.join(" → ", shown) + (cycle.size() > SHOWN ? " and " + (cycle.size() - SHOWN) + " more" : "");
      problems.add(Problem.error(flow.nodePointer(first.id()), first.id(), FlowGraph.name(first) + ": the steps " + names
          + " form a loop with no step that waits (agent script or wait), so it would run forever; add a Wait or "
          + "break the loop."));
    });
  }

  /**
   * Tarjan's algorithm with an explicit stack of frames instead of recursion, so that the depth of
   * a graph is bounded by memory, not by the thread's stack.
   */
  private static final class Tarjan {
    private final FlowGraph flow;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<List<FlowNode>> cycles = new ArrayList<>();
    private int counter;

    /** A node being visited: the edges of it still to follow and whether one leads back to it. */
    private static final class Frame {
      final String id;
      final Iterator<FlowEdge> edges;
      String child;
      boolean selfLoop;

      Frame(String id, Iterator<FlowEdge> edges) {
        this.id = id;
        this.edges = edges;
      }
    }

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

    private void visit(String root) {
      Deque<Frame> frames = new ArrayDeque<>();
      frames.push(enter(root));
      while (!frames.isEmpty()) {
        Frame frame = frames.peek();
        if (frame.child != null) { // back from the child it descended into
          low.put(frame.id, Math.min(low.get(frame.id), low.get(frame.child)));
          frame.child = null;
        }
        Frame next = null;
        while (next == null && frame.edges.hasNext()) {
          String to = frame.edges.next().to();
          FlowNode target = flow.node(to).orElse(null);
          if (target == null || !automatic(target)) {
            continue;
          }
          frame.selfLoop |= to.equals(frame.id);
          if (!index.containsKey(to)) {
            frame.child = to;
            next = enter(to);
          } else if (onStack.contains(to)) {
            low.put(frame.id, Math.min(low.get(frame.id), index.get(to)));
          }
        }
        if (next != null) {
          frames.push(next);
        } else {
          frames.pop();
          leave(frame);
        }
      }
    }

    private Frame enter(String id) {
      index.put(id, counter);
      low.put(id, counter++);
      stack.push(id);
      onStack.add(id);
      return new Frame(id, flow.edgesFrom(id).iterator());
    }

    private void leave(Frame frame) {
      if (!low.get(frame.id).equals(index.get(frame.id))) {
        return;
      }
      List<FlowNode> component = new ArrayList<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.addFirst(flow.node(member).orElseThrow());
      } while (!member.equals(frame.id));
      if (component.size() > 1 || frame.selfLoop) {
        cycles.add(component);
      }
    }
  }
}
