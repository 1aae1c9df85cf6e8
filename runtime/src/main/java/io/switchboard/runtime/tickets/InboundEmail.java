package io.switchboard.runtime.tickets;

import java.time.Instant;
import java.util.List;

/**
 * One e-mail received in a mailbox, as the mail package read it from IMAP.
 *
 * @param mailbox the mailbox's address it arrived in
 * @param messageId its Message-ID without angle brackets (one is made up from the mailbox UID when missing)
 * @param inReplyTo the Message-ID it answers, or null
 * @param references the References header's Message-IDs, oldest first
 * @param text the plain-text body (from the HTML part when there is no plain one)
 * @param html the HTML body, or null
 * @param problem what could not be read (an unknown charset, a broken part), or null when it read cleanly
 */
public record InboundEmail(String mailbox, String messageId, String inReplyTo, List<String> references, String from,
    String fromName, List<String> to, List<String> cc, String subject, String text, String html, Instant sentAt,
    List<Attachment> attachments, String problem) {

  public InboundEmail {
    references = references == null ? List.of() : List.copyOf(references);
    to = to == null ? List.of() : List.copyOf(to);
    cc = cc == null ? List.of() : List.copyOf(cc);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** An attachment as received; {@code content} is null when it was refused (too large), with the reason in {@code refused}. */
  public record Attachment(String name, String contentType, long size, byte[] content, String refused) {}
}
