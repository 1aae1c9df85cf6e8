package io.switchboard.runtime.scripts;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.FlowEdge;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.model.VariableDefinition;
import io.switchboard.flow.model.config.ScriptConfig;
import io.switchboard.flow.model.config.TriggerConfig;
import io.switchboard.flow.schema.NodeTypeCatalog;
import io.switchboard.runtime.model.FlowVersion;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the script of a published version. Agent steps are numbered in the order a caller can
 * first reach them from the trigger; each answer is followed through the automatic nodes until the
 * next agent step, an end, or a node already on the path, so cycles always terminate.
 */
final class ScriptBuilder {
  /** Nodes followed per answer at most: paths that split and join again are written out in full. */
  private static final int MAX_NODES_PER_PATH = 400;

  private final FlowDocument flow;
  private final Map<String, FlowNode> nodes = new HashMap<>();
  private final Map<String, Map<String, String>> targets = new HashMap<>();
  private final Map<String, Integer> stepNumbers = new LinkedHashMap<>();
  private final NodeSentences sentences;
  private final ReadableText text;
  private int budget;

  private ScriptBuilder(FlowDocument flow) {
    this.flow = flow;
    this.text = new ReadableText(flow);
    this.sentences = new NodeSentences(text);
    flow.nodes().forEach(n -> nodes.put(n.id(), n));
    for (FlowEdge edge : flow.edges()) {
      targets.computeIfAbsent(edge.from(), k -> new HashMap<>()).put(edge.port(), edge.to());
    }
  }

  /** The script of a stored version. */
  static ScriptDocument build(FlowVersion version) {
    return new ScriptBuilder(FlowJson.read(version.document())).script(version);
  }

  private ScriptDocument script(FlowVersion version) {
    FlowNode trigger = flow.nodes().stream().filter(n -> NodeType.TRIGGER.id().equals(n.type())).findFirst().orElseThrow();
    TriggerConfig start = FlowJson.mapper().treeToValue(trigger.config(), TriggerConfig.class);
    numberSteps(trigger.id());
    List<AgentStep> steps = stepNumbers.keySet().stream().map(id -> step(nodes.get(id))).toList();
    List<ScriptDocument.Variable> shown = flow.variables().stream().filter(VariableDefinition::shownToAgent)
        .map(v -> new ScriptDocument.Variable(v.label() == null || v.label().isBlank() ? v.name() : v.label(), v.name(),
            v.type() == null ? "" : v.type().jsonName()))
        .toList();
    return new ScriptDocument(flow.id(), flow.name(), flow.description(), version.version(),
        Instant.ofEpochMilli(version.publishedAt()), version.publishedBy(), version.comment(), start.channel(),
        start.address(), shown, follow(trigger.id(), "next", 0), steps);
  }

  /** Breadth first from the trigger, ports in their display order: the nearest step is step 1. */
  private void numberSteps(String triggerId) {
    ArrayDeque<String> queue = new ArrayDeque<>(List.of(triggerId));
    Set<String> seen = new HashSet<>(queue);
    while (!queue.isEmpty()) {
      FlowNode node = nodes.get(queue.removeFirst());
      if (NodeType.SCRIPT.id().equals(node.type())) {
        stepNumbers.put(node.id(), stepNumbers.size() + 1);
      }
      for (String port : ports(node)) {
        String next = targets.getOrDefault(node.id(), Map.of()).get(port);
        if (next != null && nodes.containsKey(next) && seen.add(next)) {
          queue.addLast(next);
        }
      }
    }
  }

  private AgentStep step(FlowNode node) {
    ScriptConfig config = FlowJson.mapper().treeToValue(node.config(), ScriptConfig.class);
    int number = stepNumbers.get(node.id());
    List<AgentStep.Field> fields = config.fields().stream()
        .map(f -> new AgentStep.Field(f.label() == null || f.label().isBlank() ? f.variable() : f.label(), f.type(),
            f.required(), f.variable() == null ? "" : text.variable(f.variable())))
        .toList();
    List<AnswerPath> answers = config.answers().stream()
        .map(a -> new AnswerPath(a.label() == null || a.label().isBlank() ? a.port() : a.label(),
            follow(node.id(), a.port(), number)))
        .toList();
    return new AgentStep(number, node.id(), node.displayName(), text.template(config.prompt()), fields, answers);
  }

  /** What happens after a node leaves by a port, seen from agent step {@code fromStep} (0: the start). */
  private List<Action> follow(String nodeId, String port, int fromStep) {
    budget = MAX_NODES_PER_PATH;
    return walk(targets.getOrDefault(nodeId, Map.of()).get(port), fromStep, new HashSet<>());
  }

  private List<Action> walk(String first, int fromStep, Set<String> onPath) {
    List<Action> actions = new ArrayList<>();
    String id = first;
    while (true) {
      FlowNode node = id == null ? null : nodes.get(id);
      if (node == null) {
        actions.add(new Action.Sentence("The flow ends here."));
        return actions;
      }
      NodeType type = NodeType.fromId(node.type()).orElseThrow();
      if (type == NodeType.SCRIPT) {
        actions.add(new Action.Sentence(toStep(node, fromStep)));
        return actions;
      }
      if (!onPath.add(id)) {
        actions.add(new Action.Sentence("Back to " + NodeSentences.quoted(node.displayName()) + " above."));
        return actions;
      }
      if (--budget < 0) {
        actions.add(new Action.Sentence("The path goes on at " + NodeSentences.quoted(node.displayName())
            + "; it is too long to write out here, see the flow on the canvas."));
        return actions;
      }
      String sentence = sentences.of(node, type);
      if (type == NodeType.END) {
        actions.add(new Action.Sentence(sentence));
        return actions;
      }
      Map<String, String> out = targets.getOrDefault(id, Map.of());
      Map<String, String> ways = new LinkedHashMap<>();
      ports(node).forEach(p -> ways.put(p, out.get(p)));
      Set<String> distinct = new LinkedHashSet<>(ways.values().stream().map(t -> Objects.requireNonNullElse(t, "")).toList());
      if (type == NodeType.BRANCH || distinct.size() > 1) {
        List<Action.Case> cases = new ArrayList<>();
        ways.forEach((p, target) -> cases.add(new Action.Case(sentences.when(node, type, p),
            target == null && isFailure(p) ? List.of(new Action.Sentence("The interaction fails."))
                : walk(target, fromStep, new HashSet<>(onPath)))));
        actions.add(new Action.Choice(sentence, cases));
        return actions;
      }
      actions.add(new Action.Sentence(sentence));
      id = ways.isEmpty() ? null : ways.values().iterator().next();
    }
  }

  private String toStep(FlowNode step, int fromStep) {
    int number = stepNumbers.get(step.id());
    String name = NodeSentences.quoted(step.displayName());
    return number <= fromStep && fromStep > 0 ? "Back to step " + name + "." : "Next: step " + number + " " + name + ".";
  }

  private static boolean isFailure(String port) {
    return port.equals("error") || port.equals("failed");
  }

  private static List<String> ports(FlowNode node) {
    return NodeType.fromId(node.type()).map(t -> NodeTypeCatalog.get().of(t).ports(node.config())).orElse(List.of());
  }
}
