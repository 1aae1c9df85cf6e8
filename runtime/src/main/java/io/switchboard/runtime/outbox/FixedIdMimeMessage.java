package io.switchboard.runtime.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A MimeMessage whose Message-ID is one we chose (and recorded) instead of a fresh random one. */
public final class FixedIdMimeMessage extends MimeMessage {
  private final String messageId;

  /** @param messageId with its angle brackets */
  public FixedIdMimeMessage(MimeMessage base, String messageId) {
    super(base.getSession());
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
