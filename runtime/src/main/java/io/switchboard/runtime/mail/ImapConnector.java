package io.switchboard.runtime.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;

/**
 * Opens IMAP connections to a mailbox with Jakarta Mail (Angus Mail): IMAPS for {@code ssl}, STARTTLS
 * required for {@code starttls}, bounded connect and read times, and the server's certificate and
 * name checked unless the host is one of {@code switchboard.mail.trusted-hosts}. Bodies are fetched
 * with BODY.PEEK, so reading never flags a message \Seen by itself.
 */
public final class ImapConnector {
  private final MailProperties properties;

  public ImapConnector(MailProperties properties) {
    this.properties = properties;
  }

  /** A connected store; the caller closes it. */
  public Store connect(Mailbox mailbox, String password) throws MessagingException {
    String protocol = mailbox.security() == Mailbox.Security.ssl ? "imaps" : "imap";
    Properties p = new Properties();
    String prefix = "mail." + protocol + ".";
    p.setProperty(prefix + "host", mailbox.host());
    p.setProperty(prefix + "port", Integer.toString(mailbox.port()));
    p.setProperty(prefix + "connectiontimeout", Long.toString(properties.connectTimeout().toMillis()));
    p.setProperty(prefix + "timeout", Long.toString(properties.readTimeout().toMillis()));
    p.setProperty(prefix + "writetimeout", Long.toString(properties.readTimeout().toMillis()));
    p.setProperty(prefix + "peek", "true");
    if (mailbox.security() == Mailbox.Security.starttls) {
      p.setProperty(prefix + "starttls.enable", "true");
      p.setProperty(prefix + "starttls.required", "true");
    }
    if (properties.trustedHosts().contains(mailbox.host())) {
      p.setProperty(prefix + "ssl.trust", mailbox.host());
      p.setProperty(prefix + "ssl.checkserveridentity", "false");
    } else {
      p.setProperty(prefix + "ssl.checkserveridentity", "true");
    }
    Store store = Session.getInstance(p).getStore(protocol);
    store.connect(mailbox.host(), mailbox.port(), mailbox.username(), password == null ? "" : password);
    return store;
  }

  /** What the admin's "test connection" shows. */
  public record TestResult(boolean ok, String message) {}

  /** Connects, opens the folder read-only and counts its messages; never throws. */
  public TestResult test(Mailbox mailbox, String password) {
    try (Store store = connect(mailbox, password)) {
      Folder folder = store.getFolder(mailbox.folder());
      if (!folder.exists()) {
        return new TestResult(false, "Connected, but there is no folder '" + mailbox.folder() + "'");
      }
      folder.open(Folder.READ_ONLY);
      try {
        int count = folder.getMessageCount();
        return new TestResult(true, "Connected; " + mailbox.folder() + " holds " + count
            + (count == 1 ? " message" : " messages"));
      } finally {
        folder.close(false);
      }
    } catch (AuthenticationFailedException e) {
      return new TestResult(false, "Login failed: " + describe(e));
    } catch (MessagingException e) {
      return new TestResult(false, "Cannot connect to " + mailbox.host() + ":" + mailbox.port() + ": " + describe(e));
    } catch (RuntimeException e) {
      return new TestResult(false, "Cannot connect to " + mailbox.host() + ":" + mailbox.port() + ": " + e);
    }
  }

  /** The exception's message and the innermost cause (the socket's refusal, the TLS failure). */
  static String describe(Exception e) {
    String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
      message += " (" + root.getMessage() + ")";
    }
    return message.length() > 500 ? message.substring(0, 500) + "…" : message;
  }
}
