package io.switchboard.runtime.api;

import java.io.IOException;

/** A request body that passed its size limit while it was read (413). */
final class RequestTooLarge extends IOException {
  private final long limit;

  RequestTooLarge(long limit) {
    super(message(limit), null);
    this.limit = limit;
  }

  long limit() {
    return limit;
  }

  static String message(long limit) {
    return "the request body is larger than " + limit + " bytes";
  }
}
