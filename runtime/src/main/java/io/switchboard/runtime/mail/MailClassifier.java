package io.switchboard.runtime.mail;

import io.switchboard.runtime.tickets.InboundEmail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, before any threading, whether an inbound message is one no person wrote to us: an
 * auto-reply, a bounce or a delivery report, bulk mail, or a message this application sent coming
 * back. Such a message never opens a thread, joins one, starts a flow or gets an answer, so two
 * auto-responders never talk to each other through us.
 *
 * <p>{@code X-Auto-Response-Suppress} is only a hint: Outlook puts it on ordinary messages to ask
 * others not to auto-reply to them. It counts only with an auto-reply subject ("Automatic reply:",
 * "Out of office", …).
 */
public final class MailClassifier {
  private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "auto_reply", "list");
  private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon");
  private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
      "^\\s*(automatic reply|auto(matic)?[- ]?(reply|response)|out of (the )?office|autoreply|abwesenheitsnotiz"
          + "|réponse automatique|risposta automatica|respuesta automática|automatische antwort|odpowiedź automatyczna"
          + "|autosvar|automatisch antwoord)\\b.*",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private final List<String> ownMessageIdDomains;

  public MailClassifier(List<String> ownMessageIdDomains) {
    this.ownMessageIdDomains = ownMessageIdDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
  }

  /**
   * Why the message must not be filed, or empty for a message a person wrote.
   *
   * @param ownAddresses the addresses of our own mailboxes (a message from one of them is ours)
   */
  public Optional<String> skipReason(InboundEmail mail, MimeMessage message, Set<String> ownAddresses) {
    ContentType type = contentType(message);
    if (type != null && type.match("multipart/report")) {
      String report = String.valueOf(type.getParameter("report-type")).toLowerCase(Locale.ROOT);
      if (report.equals("delivery-status")) {
        return Optional.of("bounce: a delivery status report (multipart/report; report-type=delivery-status)");
      }
      if (report.equals("disposition-notification")) {
        return Optional.of("read receipt: a disposition notification (multipart/report; report-type=disposition-notification)");
      }
      return Optional.of("automatic report (multipart/report; report-type=" + type.getParameter("report-type") + ")");
    }
    String returnPath = header(message, "Return-Path");
    if (returnPath != null && returnPath.replaceAll("[\\s<>]", "").isEmpty()) {
      return Optional.of("bounce or automatic message: null return path (Return-Path: <>)");
    }
    if (mail.from() != null) {
      String local = mail.from().contains("@") ? mail.from().substring(0, mail.from().indexOf('@')) : mail.from();
      if (DAEMONS.contains(local.toLowerCase(Locale.ROOT))) {
        return Optional.of("bounce: sent by " + mail.from());
      }
    }
    String autoSubmitted = header(message, "Auto-Submitted");
    if (autoSubmitted != null && !token(autoSubmitted).equals("no")) {
      return Optional.of("auto-reply: Auto-Submitted: " + token(autoSubmitted));
    }
    String precedence = header(message, "Precedence");
    if (precedence != null && BULK_PRECEDENCE.contains(token(precedence))) {
      return Optional.of("automatic or bulk mail: Precedence: " + token(precedence));
    }
    for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder")) {
      String value = header(message, name);
      if (value != null && !Set.of("no", "false", "0").contains(token(value))) {
        return Optional.of("auto-reply: " + name + (token(value).isEmpty() ? "" : ": " + token(value)));
      }
    }
    if (header(message, "X-Auto-Response-Suppress") != null && mail.subject() != null
        && AUTO_REPLY_SUBJECT.matcher(mail.subject()).matches()) {
      return Optional.of("auto-reply: X-Auto-Response-Suppress with the subject '" + mail.subject() + "'");
    }
    for (String name : List.of("X-Switchboard-Idempotency-Key", "X-Switchboard")) {
      if (header(message, name) != null) {
        return Optional.of("our own message coming back (" + name + ")");
      }
    }
    if (mail.messageId() != null && mail.messageId().contains("@")) {
      String domain = mail.messageId().substring(mail.messageId().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
      if (ownMessageIdDomains.contains(domain)) {
        return Optional.of("our own message coming back (Message-ID @" + domain + ")");
      }
    }
    if (mail.from() != null && ownAddresses.contains(mail.from().toLowerCase(Locale.ROOT))) {
      return Optional.of("sent from one of our own mailboxes (" + mail.from() + ")");
    }
    return Optional.empty();
  }

  private static ContentType contentType(MimeMessage message) {
    try {
      String raw = message.getContentType();
      return raw == null ? null : new ContentType(raw);
    } catch (ParseException e) {
      return null;
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, ",");
    } catch (MessagingException e) {
      return null;
    }
  }

  /** The value before any parameters, lower case: "auto-replied" of "Auto-Replied; owner-email=…". */
  private static String token(String value) {
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
