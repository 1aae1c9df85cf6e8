package io.switchboard.flow.validate;

import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.FlowEdge;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.NodeTypeCatalog;
import io.switchboard.flow.schema.NodeTypeSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A bound flow document with the look-ups the validation rules share. */
public final class FlowGraph {
  private final FlowDocument document;
  private final Map<String, Integer> nodeIndex = new LinkedHashMap<>();
  private final Map<String, List<FlowEdge>> outgoing = new HashMap<>();

  FlowGraph(FlowDocument document) {
    this.document = document;
    for (int i = 0; i < document.nodes().size(); i++) {
      nodeIndex.putIfAbsent(document.nodes().get(i).id(), i);
    }
    for (FlowEdge edge : document.edges()) {
      outgoing.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge);
    }
  }

  public FlowDocument document() {
    return document;
  }

  public List<FlowNode> nodes() {
    return document.nodes();
  }

  public Optional<FlowNode> node(String id) {
    Integer index = nodeIndex.get(id);
    return index == null ? Optional.empty() : Optional.of(document.nodes().get(index));
  }

  public String nodePointer(String id) {
    return "/nodes/" + nodeIndex.get(id);
  }

  public List<FlowEdge> edgesFrom(String nodeId) {
    return outgoing.getOrDefault(nodeId, List.of());
  }

  public Optional<NodeTypeSchema> typeOf(FlowNode node) {
    return NodeType.fromId(node.type()).map(NodeTypeCatalog.get()::of);
  }

  /** The ports a node declares; empty for a node of unknown type. */
  public List<String> ports(FlowNode node) {
    return typeOf(node).map(t -> t.ports(node.config())).orElse(List.of());
  }

  /** How problems name a node; see {@link NodeNames#of(FlowNode)}. */
  public static String name(FlowNode node) {
    return NodeNames.of(node);
  }
}
