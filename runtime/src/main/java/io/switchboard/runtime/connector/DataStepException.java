package io.switchboard.runtime.connector;

/**
 * A data step call failed. Transient failures (timeouts, refused connections, 5xx) are retried;
 * the others (4xx, a wrong content type, an oversized answer) are not. Messages name the step and
 * the status, never a response body or a secret.
 */
public class DataStepException extends RuntimeException {
  private final boolean transientFailure;

  public DataStepException(String message, boolean transientFailure) {
    super(message, null, false, false);
    this.transientFailure = transientFailure;
  }

  public boolean isTransient() {
    return transientFailure;
  }
}
