package io.switchboard.runtime.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code switchboard.mail.*} for inbound e-mail.
 *
 * @param polling whether this instance polls mailboxes at all (default true; false for an instance
 *     that only serves screens)
 * @param maxAttachmentBytes an attachment larger than this is kept as a record of its name and size
 *     without its content (default 10 MB)
 * @param maxMessageBytes a message larger than this is not fetched: it is recorded as refused (default 50 MB)
 * @param tick how often this instance looks for mailboxes due to be polled (default 1 s)
 * @param lease how long a poll holds its mailbox before another instance may take it over (default 5 min;
 *     renewed after every message)
 * @param workers how many mailboxes this instance polls at once (default 2)
 * @param batch at most this many messages are read in one poll (default 200); the rest in the next
 * @param markSeen whether imported messages are flagged \Seen on the server (default true); nothing is
 *     ever deleted or moved
 * @param trustedHosts hosts whose TLS certificate is accepted without checking (a test server with a
 *     self-signed certificate); every other host's certificate and name are checked
 * @param connectTimeout connecting to the IMAP server (default 10 s)
 * @param readTimeout waiting for an answer from it (default 30 s)
 * @param ownMessageIdDomains the Message-ID domains of messages this application sends (default
 *     {@code switchboard}, the outbox's): such a message coming back in is never filed
 */
@ConfigurationProperties("switchboard.mail")
public record MailProperties(Boolean polling, Long maxAttachmentBytes, Long maxMessageBytes, Duration tick,
    Duration lease, Integer workers, Integer batch, Boolean markSeen, List<String> trustedHosts,
    Duration connectTimeout, Duration readTimeout, List<String> ownMessageIdDomains) {

  public MailProperties {
    polling = polling == null || polling;
    maxAttachmentBytes = maxAttachmentBytes == null ? 10L * 1024 * 1024 : maxAttachmentBytes;
    maxMessageBytes = maxMessageBytes == null ? 50L * 1024 * 1024 : maxMessageBytes;
    tick = tick == null ? Duration.ofSeconds(1) : tick;
    lease = lease == null ? Duration.ofMinutes(5) : lease;
    workers = workers == null ? 2 : workers;
    batch = batch == null ? 200 : batch;
    markSeen = markSeen == null || markSeen;
    trustedHosts = trustedHosts == null ? List.of() : List.copyOf(trustedHosts);
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    ownMessageIdDomains = ownMessageIdDomains == null ? List.of(io.switchboard.runtime.outbox.EmailMessageIds.DOMAIN) : List.copyOf(ownMessageIdDomains);
  }

  /** The defaults, for tests and tools that run without Spring. */
  public static MailProperties defaults() {
    return new MailProperties(null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
