package io.switchboard.flow.json;

/** The text is not a flow document this version can read (not JSON, not an object, an unknown or newer format). */
public class FlowFormatException extends RuntimeException {
  public FlowFormatException(String message) {
    super(message);
  }
}
