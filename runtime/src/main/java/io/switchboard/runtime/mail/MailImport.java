package io.switchboard.runtime.mail;

import java.time.Instant;

/**
 * One message seen in a mailbox, as its log shows it.
 *
 * @param result imported (a new thread, or a flow started), joined (added to a thread), skipped (an
 *     auto-reply, a bounce, our own message, one already filed), refused (could not be read), or
 *     claimed while it is being filed
 * @param threadNumber the thread it opened or joined, when known
 * @param interactionId the interaction a flow runs on it, when a flow took it
 * @param reason why it was skipped or refused, or what could not be read of an imported one
 */
public record MailImport(Instant at, long uidValidity, long uid, String messageId, String from, String subject,
    String result, String threadId, Long threadNumber, String interactionId, String reason) {}
