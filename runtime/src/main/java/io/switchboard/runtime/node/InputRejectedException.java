package io.switchboard.runtime.node;

/**
 * Input for a waiting interaction that does not fit what it waits for. Thrown before anything
 * changes; {@code conflict} says whether the interaction is in the wrong state (409) rather than the
 * input being malformed (400).
 */
public class InputRejectedException extends RuntimeException {
  private final boolean conflict;

  public InputRejectedException(String message, boolean conflict) {
    super(message);
    this.conflict = conflict;
  }

  public static InputRejectedException badInput(String message) {
    return new InputRejectedException(message, false);
  }

  public static InputRejectedException conflict(String message) {
    return new InputRejectedException(message, true);
  }

  public boolean isConflict() {
    return conflict;
  }
}
