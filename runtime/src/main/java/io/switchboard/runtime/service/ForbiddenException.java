package io.switchboard.runtime.service;

/** The caller may not do this to that resource (403): an agent reaching another agent's interaction. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
