package io.switchboard.runtime.outbox;

/** The Message-IDs of the e-mails flows send: {@code <idempotency key@DOMAIN>}, stable across retries. */
public final class EmailMessageIds {
  /** The domain part; the mail poller recognises our own mail coming back by it. */
  public static final String DOMAIN = "switchboard";

  private EmailMessageIds() {}
}
