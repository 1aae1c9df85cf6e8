package io.switchboard.flow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a flow as it is stored and exchanged. The JSON Schema {@code schemas/flow.schema.json}
 * defines this document; the record only mirrors it for Java callers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "id", "name", "description", "variables", "nodes", "edges", "layout"})
public record FlowDocument(
    String format,
    String id,
    String name,
    String description,
    List<VariableDefinition> variables,
    List<FlowNode> nodes,
    List<FlowEdge> edges,
    Map<String, Position> layout) {

  public static final String CURRENT_FORMAT = "switchboard.flow/1";

  public FlowDocument {
    variables = variables == null ? List.of() : List.copyOf(variables);
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    edges = edges == null ? List.of() : List.copyOf(edges);
  }

  public Optional<FlowNode> node(String nodeId) {
    return nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst();
  }

  public Optional<VariableDefinition> variable(String name) {
    return variables.stream().filter(v -> v.name().equals(name)).findFirst();
  }
}
