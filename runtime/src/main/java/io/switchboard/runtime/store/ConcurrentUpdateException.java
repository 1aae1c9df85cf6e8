package io.switchboard.runtime.store;

/** The interaction changed since it was loaded (another request or node got there first). */
public class ConcurrentUpdateException extends RuntimeException {
  public ConcurrentUpdateException(String interactionId) {
    super("interaction " + interactionId + " was changed by someone else; load it again");
  }

  /** The save could not stand for the reason given (a feature's claim on the interaction failed). */
  public ConcurrentUpdateException(String interactionId, String reason) {
    super("interaction " + interactionId + ": " + reason);
  }
}
