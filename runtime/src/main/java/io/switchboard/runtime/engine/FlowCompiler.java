package io.switchboard.runtime.engine;

import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.FlowEdge;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.model.VariableDefinition;
import io.switchboard.flow.schema.NodeTypeCatalog;
import io.switchboard.runtime.connector.DataStepCatalog;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.expr.ExpressionCompiler;
import io.switchboard.runtime.expr.JavaScriptSandbox;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.Ports;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a validated flow document into a {@link CompiledFlow}: executors built with their config,
 * expressions parsed, ports resolved to the indexes of the nodes they lead to.
 */
public final class FlowCompiler {
  private final JavaScriptSandbox sandbox;
  private final DataStepCatalog dataSteps;
  private final HttpFetcher http;

  public FlowCompiler(JavaScriptSandbox sandbox, DataStepCatalog dataSteps, HttpFetcher http) {
    this.sandbox = sandbox;
    this.dataSteps = dataSteps;
    this.http = http;
  }

  public CompiledFlow compile(FlowDocument document, int version) {
    Set<String> names = new HashSet<>(Set.of("trigger", "interaction"));
    document.variables().stream().map(VariableDefinition::name).forEach(names::add);
    ExpressionCompiler expressions = new ExpressionCompiler(sandbox, names);

    Map<String, Integer> index = new HashMap<>();
    List<FlowNode> nodes = document.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i).id(), i);
    }
    // each node's edges by port, the first edge of a port winning, in one pass rather than one per node
    Map<String, Map<String, String>> outgoing = new HashMap<>();
    for (FlowEdge edge : document.edges()) {
      outgoing.computeIfAbsent(edge.from(), k -> new HashMap<>()).putIfAbsent(edge.port(), edge.to());
    }
    String defaultQueue = nodes.stream().filter(n -> NodeType.TRIGGER.id().equals(n.type())).findFirst()
        .map(n -> n.config().path("defaultQueue").asString(null)).orElse(null);
    CompiledNode[] compiled = new CompiledNode[nodes.size()];
    int trigger = -1;
    String channel = null;
    for (int i = 0; i < nodes.size(); i++) {
      FlowNode node = nodes.get(i);
      NodeType type = NodeType.fromId(node.type())
          .orElseThrow(() -> new IllegalArgumentException("unknown node type " + node.type()));
      Ports ports = new Ports(NodeTypeCatalog.get().of(type).ports(node.config()));
      Map<String, String> edges = outgoing.getOrDefault(node.id(), Map.of());
      int[] targets = new int[ports.names().size()];
      Arrays.fill(targets, -1);
      for (int p = 0; p < targets.length; p++) {
        String to = edges.get(ports.name(p));
        if (to != null) {
          targets[p] = index.get(to);
        }
      }
      int errorPort = ports.names().contains("error") && targets[ports.index("error")] >= 0 ? ports.index("error") : -1;
      CompileContext context = new CompileContext(node, ports, expressions, dataSteps, http, edges.keySet(),
          defaultQueue);
      compiled[i] = new CompiledNode(node.id(), type, NodeExecutors.create(type, context), ports, targets, errorPort);
      if (type == NodeType.TRIGGER) {
        trigger = i;
        channel = node.config().path("channel").asString(null);
      }
    }
    if (trigger < 0) {
      throw new IllegalArgumentException("flow " + document.id() + " has no trigger");
    }
    return new CompiledFlow(document, version, compiled, trigger, Map.copyOf(index), channel);
  }
}
