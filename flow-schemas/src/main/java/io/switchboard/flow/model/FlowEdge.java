package io.switchboard.flow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A connection from a node's named output port to another node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "from", "port", "to"})
public record FlowEdge(String id, String from, String port, String to) {

  public FlowEdge(String from, String port, String to) {
    this(null, from, port, to);
  }

  /** The id a user sees: the explicit one, else {@code from.port->to}. */
  public String key() {
    return id != null ? id : from + "." + port + "->" + to;
  }
}
