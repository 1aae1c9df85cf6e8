package io.switchboard.flow.analysis;

import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.FlowEdge;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.model.VariableDefinition;
import io.switchboard.flow.schema.ConfigFields;
import io.switchboard.flow.schema.NodeTypeCatalog;
import io.switchboard.flow.steps.StepDirectory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which variables an expression at a node can count on: those set by a node upstream of it (on
 * some path from the trigger), those declared with a default, and what the trigger brings.
 */
public final class VariableScope {
  /** Names every expression can read, whatever the flow. */
  public static final List<String> BUILT_INS = List.of("trigger.from", "trigger.to", "trigger.channel",
      "interaction.id", "interaction.channel", "interaction.error.code", "interaction.error.message",
      "interaction.error.status");

  private VariableScope() {}

  /** Variables set upstream of the node, in the order the nodes come, then declared ones with a default. */
  public static List<String> availableAt(FlowDocument flow, String nodeId) {
    return availableAt(flow, nodeId, id -> java.util.Optional.empty());
  }

  /** As {@link #availableAt(FlowDocument, String)}, counting the outputs of the data steps that fetch nodes name. */
  public static List<String> availableAt(FlowDocument flow, String nodeId, StepDirectory steps) {
    Set<String> upstream = upstreamOf(flow, nodeId);
    Set<String> names = new LinkedHashSet<>();
    for (FlowNode node : flow.nodes()) {
      if (upstream.contains(node.id())) {
        names.addAll(written(node));
        names.addAll(stepOutputs(node, steps));
      }
    }
    for (VariableDefinition variable : flow.variables()) {
      if (variable.defaultValue() != null && !variable.defaultValue().isNull()) {
        names.add(variable.name());
      }
    }
    return new ArrayList<>(names);
  }

  /** The nodes on some path that leads to the node (the node itself only when a cycle leads back to it). */
  public static Set<String> upstreamOf(FlowDocument flow, String nodeId) {
    Map<String, List<String>> incoming = new HashMap<>();
    for (FlowEdge edge : flow.edges()) {
      incoming.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge.from());
    }
    Set<String> upstream = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(incoming.getOrDefault(nodeId, List.of()));
    while (!todo.isEmpty()) {
      String id = todo.poll();
      if (upstream.add(id)) {
        todo.addAll(incoming.getOrDefault(id, List.of()));
      }
    }
    return upstream;
  }

  /** The variables a fetch node's registered data step gives back; none for other nodes. */
  public static Set<String> stepOutputs(FlowNode node, StepDirectory steps) {
    if (!NodeType.FETCH.id().equals(node.type()) || !node.config().has("step")) {
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>();
    steps.find(node.config().path("step").asString("")).ifPresent(step -> step.outputs().forEach(o -> names.add(o.variable())));
    return names;
  }

  /** The variables a node writes, as its schema marks them. */
  public static Set<String> written(FlowNode node) {
    Set<String> names = new LinkedHashSet<>();
    NodeType.fromId(node.type()).ifPresent(type -> ConfigFields.walk(NodeTypeCatalog.get().of(type), node.config(),
        (kind, pointer, value) -> {
          if ("variable-name".equals(kind)) {
            names.add(value);
          }
        }));
    if (NodeType.TICKET.id().equals(node.type()) && !node.config().has("resultVariable")) {
      names.add("ticketId");
    }
    return names;
  }
}
