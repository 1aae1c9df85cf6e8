package io.switchboard.flow.json;

/** The text is not a flow document at all (not JSON, not an object, unknown format). */
public class FlowFormatException extends RuntimeException {
  public FlowFormatException(String message) {
    super(message);
  }
}
