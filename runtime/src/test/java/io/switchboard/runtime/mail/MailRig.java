package io.switchboard.runtime.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.secrets.SecretBox;
import io.switchboard.runtime.store.Databases;
import io.switchboard.runtime.tickets.ThreadMail;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * One application instance's inbound e-mail on a real database, without Spring: repository, service,
 * reader, classifier, filer and poller on a hand-moved clock. Two rigs on one database are two instances.
 */
final class MailRig {
  static final SecretBox SECRETS = SecretBox.fromBase64(SecretBox.newKey());

  final Engine.MutableClock clock;
  final MailboxRepository repository;
  final MailboxService mailboxes;
  final MailPoller poller;

  MailRig(DataSource dataSource, ThreadMail threads, Engine.MutableClock clock, MailProperties properties) {
    this.clock = clock;
    this.repository = new MailboxRepository(Databases.dsl(dataSource));
    ImapConnector connector = new ImapConnector(properties);
    Ids ids = new Ids();
    this.mailboxes = new MailboxService(repository, SECRETS, connector, flowId -> false, clock, ids::next);
    this.poller = new MailPoller(repository, mailboxes, connector, new MessageReader(properties.maxAttachmentBytes()),
        new MailClassifier(properties.ownMessageIdDomains()),
        new MailFiler(() -> threads, null, (channel, address) -> Optional.empty()), clock, properties, ids::next);
  }

  static MailProperties properties() {
    return new MailProperties(false, 4096L, null, null, null, null, null, null, List.of("127.0.0.1"), null, null, null);
  }

  /** A raw message (lines joined with CRLF) put into the user's INBOX, as the mail server's delivery would. */
  static void deliver(GreenMailUser user, String raw) {
    try {
      user.deliver(new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String message(String id, String subject, String extraHeaders) {
    return "From: Ann Smith <ann@example.com>\nTo: support@example.com\nSubject: " + subject + "\nMessage-ID: <" + id
        + ">\n" + extraHeaders + "Content-Type: text/plain; charset=utf-8\n\nHello from " + id + "\n";
  }
}
