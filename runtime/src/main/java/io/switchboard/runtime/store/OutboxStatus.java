package io.switchboard.runtime.store;

/** Delivery state of an outbox message. */
public enum OutboxStatus {
  /** Waiting for its (next) attempt. */
  pending,
  /** Claimed by a dispatcher until its lease ends. */
  sending,
  /** The receiving server accepted it. */
  sent,
  /** Gave up after the last attempt. */
  failed
}
