package io.switchboard.runtime.node;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.runtime.connector.DataStepCatalog;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.expr.ExpressionCompiler;

/**
 * What building one node's executor may use: its config, its ports, the compilers and connectors,
 * and the flow's default queue (the trigger's) for steps that need an agent.
 */
public record CompileContext(
    FlowNode node,
    Ports ports,
    ExpressionCompiler expressions,
    DataStepCatalog dataSteps,
    HttpFetcher http,
    java.util.Set<String> connectedPorts,
    String defaultQueue) {

  public CompileContext(FlowNode node, Ports ports, ExpressionCompiler expressions, DataStepCatalog dataSteps,
      HttpFetcher http, java.util.Set<String> connectedPorts) {
    this(node, ports, expressions, dataSteps, http, connectedPorts, null);
  }

  public <C extends Record> C config(Class<C> type) {
    return FlowJson.mapper().treeToValue(node.config(), type);
  }

  public boolean connected(String port) {
    return connectedPorts.contains(port);
  }
}
