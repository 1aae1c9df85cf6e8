package io.switchboard.runtime.service;

import io.switchboard.flow.validate.Problem;
import java.util.List;

/** The request is malformed or names something it may not (400), with the problems found in it if any. */
public class BadRequestException extends RuntimeException {
  private final List<Problem> problems;

  public BadRequestException(String message) {
    this(message, List.of());
  }

  public BadRequestException(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
