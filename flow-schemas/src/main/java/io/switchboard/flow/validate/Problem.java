package io.switchboard.flow.validate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something wrong with a flow, for a business user: how bad it is, where it is (a JSON pointer to
 * the exact value, and the node or edge concerned), a sentence that says what to do, and a
 * one-click {@link Fix} when the remedy is obvious (null when there is none).
 *
 * <p>A problem about a node starts its message with the node's name ({@link NodeNames#of}) and a
 * colon, so that a list can show the name apart from the rest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(Severity severity, String pointer, String nodeId, String edgeId, String message, Fix fix) {

  public enum Severity {
    error, warning
  }

  /** A problem without a fix, as problems were before fixes existed. */
  public Problem(Severity severity, String pointer, String nodeId, String edgeId, String message) {
    this(severity, pointer, nodeId, edgeId, message, null);
  }

  public static Problem error(String pointer, String nodeId, String message) {
    return new Problem(Severity.error, pointer, nodeId, null, message);
  }

  public static Problem warning(String pointer, String nodeId, String message) {
    return new Problem(Severity.warning, pointer, nodeId, null, message);
  }

  public static Problem edgeError(String pointer, String edgeId, String message) {
    return new Problem(Severity.error, pointer, null, edgeId, message);
  }

  /** The same problem with a one-click remedy. */
  public Problem withFix(Fix remedy) {
    return new Problem(severity, pointer, nodeId, edgeId, message, remedy);
  }

  public boolean isError() {
    return severity == Severity.error;
  }
}
