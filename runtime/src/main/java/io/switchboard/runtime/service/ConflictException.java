package io.switchboard.runtime.service;

import io.switchboard.flow.validate.Problem;
import java.util.List;

/** The request does not fit the current state (409), with the problems that stand in the way. */
public class ConflictException extends RuntimeException {
  private final List<Problem> problems;

  public ConflictException(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public ConflictException(String message) {
    this(message, List.of());
  }

  public List<Problem> problems() {
    return problems;
  }
}
