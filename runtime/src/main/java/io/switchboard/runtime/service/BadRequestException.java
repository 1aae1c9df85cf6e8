package io.switchboard.runtime.service;

/** The request is malformed or names something it may not (400). */
public class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
