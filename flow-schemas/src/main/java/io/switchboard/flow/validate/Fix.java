package io.switchboard.flow.validate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A one-click remedy for a problem: what {@link Fixes#apply} does to the document, and the text of
 * its button. Only the fields its kind needs are set.
 *
 * @param kind what the fix does
 * @param label the button's text, e.g. "Declare variable tier"
 * @param nodeId the node it concerns (connectToEnd, removeNode)
 * @param port the node's unconnected path (connectToEnd)
 * @param edgeId the connection's key, its id or {@code from.port->to} (removeEdge)
 * @param variable the variable's name (declareVariable)
 * @param variableType the declared variable's type (declareVariable)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fix(Kind kind, String label, String nodeId, String port, String edgeId, String variable, String variableType) {

  /** The remedies there are. */
  public enum Kind {
    /** Adds the variable to the flow's {@code variables}. */
    declareVariable,
    /** Adds an End node to the right of the node and connects the path to it. */
    connectToEnd,
    /** Removes one connection. */
    removeEdge,
    /** Removes a node with its connections and its position. */
    removeNode
  }

  public static Fix declareVariable(String name, String type) {
    return new Fix(Kind.declareVariable, "Declare variable " + name, null, null, null, name, type);
  }

  public static Fix connectToEnd(String nodeId, String port) {
    return new Fix(Kind.connectToEnd, "Connect “" + port + "” to a new End", nodeId, port, null, null, null);
  }

  public static Fix removeEdge(String edgeId) {
    return new Fix(Kind.removeEdge, "Remove this connection", null, null, edgeId, null, null);
  }

  public static Fix removeNode(String nodeId, String name) {
    return new Fix(Kind.removeNode, "Remove " + name, nodeId, null, null, null, null);
  }
}
