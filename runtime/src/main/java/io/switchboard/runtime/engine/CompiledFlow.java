package io.switchboard.runtime.engine;

import io.switchboard.flow.model.FlowDocument;
import java.util.Map;

/** A published flow version compiled for the interpreter; immutable and shared between threads. */
public record CompiledFlow(FlowDocument document, int version, CompiledNode[] nodes, int trigger,
    Map<String, Integer> indexById, String channel) {

  public String id() {
    return document.id();
  }

  public CompiledNode node(int index) {
    return nodes[index];
  }

  /** The node with this id; only for resuming, never on the hot path. */
  public CompiledNode node(String id) {
    Integer index = indexById.get(id);
    if (index == null) {
      throw new IllegalStateException("flow " + id() + " v" + version + " has no node " + id);
    }
    return nodes[index];
  }
}
