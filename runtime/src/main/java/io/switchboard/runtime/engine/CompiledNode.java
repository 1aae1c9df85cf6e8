package io.switchboard.runtime.engine;

import io.switchboard.flow.model.NodeType;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Ports;

/**
 * A node ready to run: its executor, and for each port index the index of the node it leads to
 * (-1 when unconnected). {@code errorPort} is the index of the connected {@code error} port that
 * failures take, -1 when there is none.
 */
public record CompiledNode(String id, NodeType type, NodeExecutor executor, Ports ports, int[] targets, int errorPort) {

  public int target(int port) {
    return targets[port];
  }
}
