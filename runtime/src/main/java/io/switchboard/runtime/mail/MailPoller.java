package io.switchboard.runtime.mail;

import io.switchboard.runtime.store.Databases;
import io.switchboard.runtime.tickets.InboundEmail;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the mailboxes: every mailbox whose time has come, each poll holding its mailbox by a lease in
 * the database (so of several instances exactly one polls a mailbox at a time), fetching the messages
 * whose UID is above the last one filed under the folder's UIDVALIDITY (all of them again when it
 * changed: the Message-ID dedupe keeps them from being filed twice), and filing each in turn.
 *
 * <p>Each message is claimed in {@code mail_import} first, then filed (the thread service's own
 * transaction), then completed together with the mailbox's last UID. A poll that dies between claim
 * and completion leaves a claim that the next poll, once the claim is older than the lease, takes
 * over: a message found in a thread by its own Message-ID is completed without filing it again, a
 * message whose flow had been started is handed to that interaction, anything else is filed. A
 * message that cannot be read or filed is recorded as refused and the poll goes on; only a lost
 * connection to the mail server or the database ends the poll early, to try again in the next one.
 * Nothing is deleted or moved on the server; processed messages are flagged \Seen when
 * {@code switchboard.mail.mark-seen} is on.
 */
public final class MailPoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MailPoller.class);

  private final MailboxRepository repository;
  private final MailboxService mailboxes;
  private final ImapConnector connector;
  private final MessageReader reader;
  private final MailClassifier classifier;
  private final MailFiler filer;
  private final Clock clock;
  private final MailProperties properties;
  private final Supplier<String> ids;
  private final String owner = UUID.randomUUID().toString();
  private final Set<String> polling = ConcurrentHashMap.newKeySet();
  private final Semaphore freeWorkers;
  private ScheduledExecutorService ticker;
  private ExecutorService workers;

  MailPoller(MailboxRepository repository, MailboxService mailboxes, ImapConnector connector, MessageReader reader,
      MailClassifier classifier, MailFiler filer, Clock clock, MailProperties properties, Supplier<String> ids) {
    this.repository = repository;
    this.mailboxes = mailboxes;
    this.connector = connector;
    this.reader = reader;
    this.classifier = classifier;
    this.filer = filer;
    this.clock = clock;
    this.properties = properties;
    this.ids = ids;
    this.freeWorkers = new Semaphore(properties.workers());
  }

  /** What one poll did. */
  public record PollResult(boolean polled, int imported, int joined, int skipped, int refused, String error) {
    static PollResult notPolled(String why) {
      return new PollResult(false, 0, 0, 0, 0, why);
    }
  }

  /** Starts looking for due mailboxes every {@code switchboard.mail.tick}. */
  public synchronized void start() {
    if (ticker != null) {
      return;
    }
    workers = Executors.newFixedThreadPool(properties.workers(), Thread.ofPlatform().name("mail-poll-", 1).daemon().factory());
    ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mail-poller").daemon().factory());
    long tick = properties.tick().toMillis();
    ticker.scheduleWithFixedDelay(this::pollDueQuietly, tick, tick, TimeUnit.MILLISECONDS);
  }

  private void pollDueQuietly() {
    try {
      pollDue();
    } catch (RuntimeException e) {
      LOG.warn("looking for mailboxes to poll failed: {}", e.toString());
    }
  }

  /** Hands every due mailboxes this instance can take to a free worker; answers how many were taken. */
  int pollDue() {
    int taken = 0;
    for (String id : repository.due(clock.millis())) {
      if (polling.contains(id) || !freeWorkers.tryAcquire()) {
        continue;
      }
      long now = clock.millis();
      if (!repository.claim(id, owner, now, now + properties.lease().toMillis(), true)) {
        freeWorkers.release();
        continue;
      }
      polling.add(id);
      taken++;
      workers.execute(() -> {
        try {
          pollClaimed(id);
        } finally {
          polling.remove(id);
          freeWorkers.release();
        }
      });
    }
    return taken;
  }

  /** Polls one mailbox now, whether due or not, unless another poll holds it; in the calling thread. */
  public PollResult pollNow(String id) {
    long now = clock.millis();
    if (!repository.claim(id, owner, now, now + properties.lease().toMillis(), false)) {
      return PollResult.notPolled("another poll holds the mailbox");
    }
    return pollClaimed(id);
  }

  private PollResult pollClaimed(String id) {
    Counts counts = new Counts();
    String error = null;
    try {
      Optional<MailboxState> state = repository.find(id);
      if (state.isEmpty()) {
        return PollResult.notPolled("no mailbox '" + id + "'");
      }
      if (!filer.ready()) {
        return PollResult.notPolled("no thread service to file messages into");
      }
      error = poll(state.get(), counts);
    } catch (MessagingException e) {
      error = (e instanceof jakarta.mail.AuthenticationFailedException ? "Login failed: " : "IMAP: ")
          + ImapConnector.describe(e);
    } catch (RuntimeException e) {
      error = "the poll failed: " + ImapConnector.describe(e);
      LOG.warn("polling mailbox {} failed", id, e);
    } finally {
      try {
        repository.release(id, owner, clock.millis(), error);
      } catch (RuntimeException e) {
        LOG.warn("giving mailbox {} back failed (its lease runs out by itself): {}", id, e.toString());
      }
    }
    if (error != null) {
      LOG.info("mailbox {}: {}", id, error);
    }
    return new PollResult(true, counts.imported, counts.joined, counts.skipped, counts.refused, error);
  }

  private static final class Counts {
    int imported;
    int joined;
    int skipped;
    int refused;

    void add(String status) {
      switch (status) {
        case "imported" -> imported++;
        case "joined" -> joined++;
        case "skipped" -> skipped++;
        default -> refused++;
      }
    }
  }

  /** @return the error that ended the poll early, or null */
  private String poll(MailboxState state, Counts counts) throws MessagingException {
    Mailbox mailbox = state.mailbox();
    try (Store store = connector.connect(mailbox, mailboxes.password(state))) {
      Folder folder = store.getFolder(mailbox.folder());
      if (!folder.exists()) {
        return "there is no folder '" + mailbox.folder() + "'";
      }
      folder.open(properties.markSeen() ? Folder.READ_WRITE : Folder.READ_ONLY);
      try {
        UIDFolder uids = (UIDFolder) folder;
        long validity = uids.getUIDValidity();
        long lastUid = state.lastUid();
        if (state.uidValidity() == null || state.uidValidity() != validity) {
          if (state.uidValidity() != null) {
            LOG.info("mailbox {}: UIDVALIDITY changed from {} to {}; reading the folder again (Message-IDs keep "
                + "what was imported from being imported twice)", mailbox.address(), state.uidValidity(), validity);
          }
          if (!repository.restartUids(mailbox.id(), owner, validity)) {
            return "the poll lost its lease on the mailbox";
          }
          lastUid = 0;
        }
        Message[] messages = uids.getMessagesByUID(lastUid + 1, UIDFolder.LASTUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(messages, profile);
        long from = lastUid;
        Message[] fresh = Arrays.stream(messages).filter(m -> uid(uids, m) > from)
            .sorted(Comparator.comparingLong(m -> uid(uids, m))).limit(properties.batch()).toArray(Message[]::new);
        Set<String> own = new HashSet<>(repository.addresses());
        for (Message message : fresh) {
          long now = clock.millis();
          if (!repository.renew(mailbox.id(), owner, now + properties.lease().toMillis())) {
            return "the poll lost its lease on the mailbox";
          }
          String stop = importOne(mailbox, validity, uids.getUID(message), message, own, counts);
          if (stop != null) {
            return stop;
          }
        }
        return null;
      } finally {
        if (folder.isOpen()) {
          folder.close(false);
        }
      }
    }
  }

  private static long uid(UIDFolder folder, Message message) {
    try {
      return folder.getUID(message);
    } catch (MessagingException e) {
      return -1;
    }
  }

  /** @return why the poll must stop here (the message is tried again in the next poll), or null to go on */
  private String importOne(Mailbox mailbox, long validity, long uid, Message message, Set<String> own, Counts counts)
      throws MessagingException {
    String fallbackId = "uid-" + validity + "-" + uid + "@" + mailbox.id() + ".mailbox.invalid";
    MessageReader.Reading reading = fetch(mailbox, message, fallbackId);
    String messageId = reading instanceof MessageReader.Read read ? read.mail().messageId() : headerId(message, fallbackId);
    String key = key(messageId);
    InboundEmail mail = reading instanceof MessageReader.Read read ? read.mail() : null;
    long now = clock.millis();
    Optional<MailboxRepository.Claim> claim = repository.claimImport(ids.get(), mailbox.id(), validity, uid, key,
        mail == null ? null : mail.from(), mail == null ? null : mail.subject(), now);
    String leftInteraction = null;
    boolean recovering = false;
    if (claim.isEmpty()) {
      Optional<MailboxRepository.Existing> row = repository.existing(mailbox.id(), validity, uid, key);
      if (row.isPresent() && !row.get().status().equals("claimed")) {
        repository.advance(mailbox.id(), owner, validity, uid); // imported before: this is a second copy, or a re-read
        markSeen(message);
        return null;
      }
      claim = row.flatMap(r -> repository.takeOver(r, validity, uid, now - properties.lease().toMillis(), now));
      if (claim.isEmpty()) {
        return "the message with UID " + uid + " is being imported by another poll";
      }
      leftInteraction = row.get().interactionId();
      recovering = true;
    }
    String importId = claim.get().id();
    MailboxRepository.Outcome outcome;
    if (reading instanceof MessageReader.Unreadable unreadable) {
      outcome = new MailboxRepository.Outcome("refused", null, null, null, unreadable.reason());
    } else {
      MessageReader.Read read = (MessageReader.Read) reading;
      Optional<String> skip = classifier.skipReason(read.mail(), read.message(), own);
      if (skip.isPresent()) {
        outcome = new MailboxRepository.Outcome("skipped", null, null, null, skip.get());
      } else {
        try {
          outcome = recovering ? filer.recover(mailbox, read.mail(), leftInteraction, i -> repository.startedInteraction(importId, i))
              : filer.file(mailbox, read.mail(), i -> repository.startedInteraction(importId, i));
        } catch (RuntimeException e) {
          if (isTransient(e)) {
            dropQuietly(importId);
            return "filing the message with UID " + uid + " failed for now: " + ImapConnector.describe(e);
          }
          LOG.warn("mailbox {}: the message with UID {} could not be filed", mailbox.address(), uid, e);
          outcome = new MailboxRepository.Outcome("refused", null, null, null,
              "could not be filed: " + ImapConnector.describe(e));
        }
      }
    }
    repository.complete(importId, outcome, mailbox.id(), owner, validity, uid, clock.millis());
    counts.add(outcome.status());
    markSeen(message);
    return null;
  }

  /** The message fetched whole and read; a fetch that fails for this message alone makes it unreadable. */
  private MessageReader.Reading fetch(Mailbox mailbox, Message message, String fallbackId) throws MessagingException {
    try {
      int size = message.getSize();
      if (size > properties.maxMessageBytes()) {
        return new MessageReader.Unreadable("the message has " + size + " bytes, more than the limit of "
            + properties.maxMessageBytes() + " (switchboard.mail.max-message-bytes); it was not fetched");
      }
      ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(size, 1024));
      message.writeTo(raw);
      return reader.read(raw.toByteArray(), mailbox.address(), fallbackId);
    } catch (FolderClosedException | StoreClosedException lost) {
      throw lost;
    } catch (MessagingException | IOException | RuntimeException e) {
      return new MessageReader.Unreadable("the message could not be fetched from the server: " + ImapConnector.describe(e));
    }
  }

  private static String headerId(Message message, String fallback) {
    try {
      String id = message instanceof MimeMessage mime ? mime.getMessageID() : null;
      java.util.List<String> ids = HeaderText.messageIds(id);
      return ids.isEmpty() ? fallback : ids.getFirst();
    } catch (MessagingException | RuntimeException e) {
      return fallback;
    }
  }

  /** The Message-ID as the import table keys it: a very long one by its SHA-256. */
  static String key(String messageId) {
    if (messageId.length() <= MailboxRepository.MAX_MESSAGE_ID) {
      return messageId;
    }
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(messageId.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void markSeen(Message message) {
    if (!properties.markSeen()) {
      return;
    }
    try {
      message.setFlag(Flags.Flag.SEEN, true);
    } catch (MessagingException | RuntimeException e) {
      LOG.debug("flagging a message \\Seen failed: {}", e.toString());
    }
  }

  private void dropQuietly(String importId) {
    try {
      repository.drop(importId);
    } catch (RuntimeException e) {
      // the claim stays and is taken over once it is older than the lease
    }
  }

  /** The database went away or rolled back: the same message may well file in the next poll. */
  static boolean isTransient(Throwable e) {
    if (Databases.isRollback(e)) {
      return true;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
          || cause instanceof SQLNonTransientConnectionException || cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      workers.shutdown();
      try {
        workers.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ticker = null;
    }
  }
}
