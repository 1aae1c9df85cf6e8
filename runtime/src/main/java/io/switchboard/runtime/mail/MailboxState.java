package io.switchboard.runtime.mail;

/**
 * A mailbox with what polling keeps of it.
 *
 * @param sealedPassword the password sealed with {@link io.switchboard.runtime.secrets.SecretBox}, or null
 * @param uidValidity the folder's UIDVALIDITY when it was last read, or null before the first poll
 * @param lastUid the highest UID filed under that UIDVALIDITY (0: none yet)
 */
record MailboxState(Mailbox mailbox, String sealedPassword, Long uidValidity, long lastUid, Long lastPolledAt,
    String lastError, long createdAt, long updatedAt) {}
