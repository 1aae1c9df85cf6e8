package io.switchboard.runtime.outbox;

import java.util.Map;

/** Delivers one kind of outbox message (e-mail, ...). */
public interface Deliverer {
  String kind();

  /**
   * Delivers the message; the idempotency key travels with it (as the e-mail's Message-ID) so that a
   * receiver can drop a repeat after a crash between its acceptance and our acknowledgement.
   *
   * @throws DeliveryException when it was not delivered
   */
  void deliver(Map<String, Object> payload, String idempotencyKey);

  /** Delivery failed; {@code permanent} when trying again cannot help. */
  class DeliveryException extends RuntimeException {
    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
      super(message, cause);
      this.permanent = permanent;
    }

    public boolean isPermanent() {
      return permanent;
    }
  }
}
