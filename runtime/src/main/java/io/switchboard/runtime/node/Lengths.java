package io.switchboard.runtime.node;

import io.switchboard.runtime.failure.Failure;
import java.util.Optional;

/**
 * The lengths the store keeps for values steps make from the flow's data, checked by the step, so
 * that a caller's overlong value fails that step as a value instead of the whole save.
 */
public final class Lengths {
  /** A queue name (an interaction's, a case's, an alert's). */
  public static final int QUEUE = 100;

  private Lengths() {}

  /** An {@code invalid_input} failure naming the field and the limit, when the value is longer. */
  public static Optional<Failure> tooLong(String field, String value, int max) {
    if (value == null || value.length() <= max) {
      return Optional.empty();
    }
    return Optional.of(Failure.of(Failure.Code.invalid_input, "the " + field + " is longer than " + max
        + " characters (" + value.length() + ")").with("limit", max));
  }
}
