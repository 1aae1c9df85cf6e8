package io.switchboard.runtime.mail;

/**
 * A mailbox polled over IMAP, as configured by an admin (the password is kept apart, sealed).
 *
 * @param folder the folder read, INBOX by default
 * @param queue the queue a new case from this mailbox waits in
 * @param flowId the flow a new case runs, or null: then a published flow whose e-mail trigger owns
 *     {@code address} runs it, else it becomes a thread in {@code queue}
 * @param pollSeconds how often the mailbox is read (at least 5)
 */
public record Mailbox(String id, String address, String host, int port, Security security, String username,
    String folder, String queue, String flowId, int pollSeconds, boolean enabled) {

  /** How the connection is protected: plain IMAP, IMAP over TLS (IMAPS), or IMAP upgraded with STARTTLS. */
  public enum Security { none, ssl, starttls }

  /** The owner string the password is sealed for, so a sealed value moved to another mailbox fails to open. */
  static String secretOwner(String id) {
    return "mailbox:" + id;
  }
}
