package io.switchboard.flow.validate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something wrong with a flow, for a business user: how bad it is, where it is (a JSON pointer into
 * the document, and the node or edge concerned) and a sentence that says what to do.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(Severity severity, String pointer, String nodeId, String edgeId, String message) {

  public enum Severity {
    error, warning
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

  public boolean isError() {
    return severity == Severity.error;
  }
}
