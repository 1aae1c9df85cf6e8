package io.switchboard.runtime.mail;

import static io.switchboard.runtime.store.jooq.Tables.MAILBOX;
import static io.switchboard.runtime.store.jooq.Tables.MAIL_IMPORT;

import io.switchboard.runtime.store.jooq.tables.records.MailImportRecord;
import io.switchboard.runtime.store.jooq.tables.records.MailboxRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Mailboxes, their polling state and lease, and the messages imported from them. A poll holds its
 * mailbox by a lease taken with a conditional update; every import is a row claimed before the
 * message is filed (its unique keys on UID and Message-ID refuse a second claim) and completed after,
 * in the transaction that moves the mailbox's last UID on.
 */
public final class MailboxRepository {
  static final int MAX_SUBJECT = 500;
  static final int MAX_ADDRESS = 320;
  static final int MAX_MESSAGE_ID = 500;
  static final int MAX_REASON = 1000;

  private final DSLContext dsl;

  public MailboxRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  // --- the admin's configuration ---

  /** @throws IntegrityConstraintViolationException when another mailbox has the address */
  void insert(Mailbox m, String sealedPassword, long now) {
    dsl.insertInto(MAILBOX).set(MAILBOX.ID, m.id()).set(settings(dsl.newRecord(MAILBOX), m))
        .set(MAILBOX.PASSWORD_SEALED, sealedPassword).set(MAILBOX.CREATED_AT, now).set(MAILBOX.UPDATED_AT, now)
        .set(MAILBOX.LAST_UID, 0L).execute();
  }

  /**
   * Changes the settings; a null sealed password keeps the stored one. A new host, user or folder is
   * another folder: its polling starts over (UID dedupe then falls back to the Message-ID).
   *
   * @throws IntegrityConstraintViolationException when another mailbox has the address
   */
  boolean update(Mailbox m, String sealedPassword, boolean otherFolder, long now) {
    var update = dsl.update(MAILBOX).set(settings(dsl.newRecord(MAILBOX), m)).set(MAILBOX.UPDATED_AT, now);
    if (sealedPassword != null) {
      update = update.set(MAILBOX.PASSWORD_SEALED, sealedPassword);
    }
    if (otherFolder) {
      update = update.set(MAILBOX.UID_VALIDITY, (Long) null).set(MAILBOX.LAST_UID, 0L);
    }
    return update.set(MAILBOX.LAST_ERROR, (String) null).where(MAILBOX.ID.eq(m.id())).execute() == 1;
  }

  /** The same password sealed again (under the current key); nothing else changes. */
  void reseal(String id, String sealedPassword) {
    dsl.update(MAILBOX).set(MAILBOX.PASSWORD_SEALED, sealedPassword).where(MAILBOX.ID.eq(id)).execute();
  }

  private static MailboxRecord settings(MailboxRecord r, Mailbox m) {
    r.setAddress(m.address());
    r.setHost(m.host());
    r.setPort(m.port());
    r.setSecurity(m.security().name());
    r.setUsername(m.username());
    r.setFolder(m.folder());
    r.setQueueId(m.queue());
    r.setFlowId(m.flowId());
    r.setPollSeconds(m.pollSeconds());
    r.setEnabled(m.enabled());
    r.changed(MAILBOX.ID, false);
    return r;
  }

  Optional<MailboxState> find(String id) {
    return dsl.selectFrom(MAILBOX).where(MAILBOX.ID.eq(id)).fetchOptional(MailboxRepository::state);
  }

  List<MailboxState> list() {
    return dsl.selectFrom(MAILBOX).orderBy(MAILBOX.ADDRESS).fetch(MailboxRepository::state);
  }

  /** Every mailbox's address, lower case: a message from one of them is our own. */
  List<String> addresses() {
    return dsl.select(MAILBOX.ADDRESS).from(MAILBOX).fetch(r -> r.value1().toLowerCase(java.util.Locale.ROOT));
  }

  /** Deletes the mailbox with its log, in one transaction. */
  boolean delete(String id) {
    return dsl.transactionResult(c -> {
      c.dsl().deleteFrom(MAIL_IMPORT).where(MAIL_IMPORT.MAILBOX_ID.eq(id)).execute();
      return c.dsl().deleteFrom(MAILBOX).where(MAILBOX.ID.eq(id)).execute() == 1;
    });
  }

  private static MailboxState state(MailboxRecord r) {
    Mailbox m = new Mailbox(r.getId(), r.getAddress(), r.getHost(), r.getPort(), Mailbox.Security.valueOf(r.getSecurity()),
        r.getUsername(), r.getFolder(), r.getQueueId(), r.getFlowId(), r.getPollSeconds(), r.getEnabled());
    return new MailboxState(m, r.getPasswordSealed(), r.getUidValidity(), r.getLastUid(), r.getLastPolledAt(),
        r.getLastError(), r.getCreatedAt(), r.getUpdatedAt());
  }

  // --- the poll's lease ---

  /** The enabled mailboxes whose time to be polled has come and which nobody holds. */
  List<String> due(long now) {
    return dsl.select(MAILBOX.ID).from(MAILBOX)
        .where(MAILBOX.ENABLED.isTrue())
        .and(MAILBOX.LEASE_UNTIL.isNull().or(MAILBOX.LEASE_UNTIL.lt(now)))
        .and(MAILBOX.LAST_POLLED_AT.isNull().or(MAILBOX.LAST_POLLED_AT.plus(MAILBOX.POLL_SECONDS.mul(1000L)).le(now)))
        .orderBy(MAILBOX.LAST_POLLED_AT.asc().nullsFirst()).fetch(MAILBOX.ID);
  }

  /**
   * Takes the mailbox for one poll unless another poll holds it (its lease not run out) or it is not
   * due (with {@code onlyWhenDue}); exactly one of several instances trying at once gets it.
   */
  boolean claim(String id, String owner, long now, long until, boolean onlyWhenDue) {
    var condition = MAILBOX.ID.eq(id).and(MAILBOX.LEASE_UNTIL.isNull().or(MAILBOX.LEASE_UNTIL.lt(now)));
    if (onlyWhenDue) {
      condition = condition.and(MAILBOX.ENABLED.isTrue()).and(MAILBOX.LAST_POLLED_AT.isNull()
          .or(MAILBOX.LAST_POLLED_AT.plus(MAILBOX.POLL_SECONDS.mul(1000L)).le(now)));
    }
    return dsl.update(MAILBOX).set(MAILBOX.LEASE_OWNER, owner).set(MAILBOX.LEASE_UNTIL, until).where(condition)
        .execute() == 1;
  }

  /** Extends the lease; false when this poll lost it (it ran out and another took the mailbox). */
  boolean renew(String id, String owner, long until) {
    return dsl.update(MAILBOX).set(MAILBOX.LEASE_UNTIL, until)
        .where(MAILBOX.ID.eq(id).and(MAILBOX.LEASE_OWNER.eq(owner))).execute() == 1;
  }

  /** Ends the poll: the lease is given back, the time and the error (null: none) kept. */
  void release(String id, String owner, long now, String error) {
    dsl.update(MAILBOX).set(MAILBOX.LEASE_OWNER, (String) null).set(MAILBOX.LEASE_UNTIL, (Long) null)
        .set(MAILBOX.LAST_POLLED_AT, now).set(MAILBOX.LAST_ERROR, error == null ? null : cut(error, MAX_REASON))
        .where(MAILBOX.ID.eq(id).and(MAILBOX.LEASE_OWNER.eq(owner))).execute();
  }

  /** The folder's UIDVALIDITY changed (or is seen for the first time): UIDs start over. */
  boolean restartUids(String id, String owner, long uidValidity) {
    return dsl.update(MAILBOX).set(MAILBOX.UID_VALIDITY, uidValidity).set(MAILBOX.LAST_UID, 0L)
        .where(MAILBOX.ID.eq(id).and(MAILBOX.LEASE_OWNER.eq(owner))).execute() == 1;
  }

  /** Moves the last UID on past a message that needs no row of its own (a second copy of one imported). */
  void advance(String id, String owner, long uidValidity, long uid) {
    advance(dsl, id, owner, uidValidity, uid);
  }

  private static void advance(DSLContext tx, String id, String owner, long uidValidity, long uid) {
    tx.update(MAILBOX).set(MAILBOX.LAST_UID, uid)
        .where(MAILBOX.ID.eq(id).and(MAILBOX.LEASE_OWNER.eq(owner)).and(MAILBOX.UID_VALIDITY.eq(uidValidity))
            .and(MAILBOX.LAST_UID.lt(uid))).execute();
  }

  // --- imports ---

  /** A claimed import row: its id and when it was claimed. */
  record Claim(String id, long claimedAt) {}

  /**
   * Claims a message for filing; empty when a row for its UID or its Message-ID exists already
   * (then {@link #existing} tells what became of it).
   */
  Optional<Claim> claimImport(String importId, String mailboxId, long uidValidity, long uid, String messageId,
      String from, String subject, long now) {
    try {
      dsl.insertInto(MAIL_IMPORT).set(MAIL_IMPORT.ID, importId).set(MAIL_IMPORT.MAILBOX_ID, mailboxId)
          .set(MAIL_IMPORT.UID_VALIDITY, uidValidity).set(MAIL_IMPORT.UID, uid).set(MAIL_IMPORT.MESSAGE_ID, messageId)
          .set(MAIL_IMPORT.STATUS, "claimed").set(MAIL_IMPORT.CLAIMED_AT, now)
          .set(MAIL_IMPORT.FROM_ADDRESS, cut(from, MAX_ADDRESS)).set(MAIL_IMPORT.SUBJECT, cut(subject, MAX_SUBJECT))
          .execute();
      return Optional.of(new Claim(importId, now));
    } catch (IntegrityConstraintViolationException taken) {
      return Optional.empty();
    }
  }

  /** An import row as stored. */
  record Existing(String id, long uidValidity, long uid, String status, long claimedAt, String interactionId) {}

  /** The row that holds this UID, else the one that holds this Message-ID. */
  Optional<Existing> existing(String mailboxId, long uidValidity, long uid, String messageId) {
    return dsl.selectFrom(MAIL_IMPORT).where(MAIL_IMPORT.MAILBOX_ID.eq(mailboxId)
            .and(MAIL_IMPORT.UID_VALIDITY.eq(uidValidity).and(MAIL_IMPORT.UID.eq(uid))
                .or(MAIL_IMPORT.MESSAGE_ID.eq(messageId))))
        .orderBy(MAIL_IMPORT.UID.eq(uid).desc()).limit(1)
        .fetchOptional(r -> new Existing(r.getId(), r.getUidValidity(), r.getUid(), r.getStatus(), r.getClaimedAt(),
            r.getInteractionId()));
  }

  /**
   * Takes over a claim left by a poll that died or lost its mailbox (claimed before {@code staleBefore}),
   * now for this copy of the message (its UID may be new after a UIDVALIDITY change); empty when
   * another poll took it first, it was completed meanwhile, or its claim is still fresh.
   */
  Optional<Claim> takeOver(Existing row, long uidValidity, long uid, long staleBefore, long now) {
    try {
      boolean taken = dsl.update(MAIL_IMPORT).set(MAIL_IMPORT.CLAIMED_AT, now)
          .set(MAIL_IMPORT.UID_VALIDITY, uidValidity).set(MAIL_IMPORT.UID, uid)
          .where(MAIL_IMPORT.ID.eq(row.id()).and(MAIL_IMPORT.STATUS.eq("claimed"))
              .and(MAIL_IMPORT.CLAIMED_AT.eq(row.claimedAt())).and(MAIL_IMPORT.CLAIMED_AT.lt(staleBefore)))
          .execute() == 1;
      return taken ? Optional.of(new Claim(row.id(), now)) : Optional.empty();
    } catch (IntegrityConstraintViolationException otherCopy) {
      return Optional.empty();
    }
  }

  /** Notes the interaction a flow was started on, before the message is handed to it. */
  void startedInteraction(String importId, String interactionId) {
    dsl.update(MAIL_IMPORT).set(MAIL_IMPORT.INTERACTION_ID, interactionId).where(MAIL_IMPORT.ID.eq(importId)).execute();
  }

  /** Gives a claim up (filing failed): the message is tried again in the next poll. */
  void drop(String importId) {
    dsl.deleteFrom(MAIL_IMPORT).where(MAIL_IMPORT.ID.eq(importId).and(MAIL_IMPORT.STATUS.eq("claimed"))).execute();
  }

  /** How an import ended. */
  record Outcome(String status, String threadId, Long threadNumber, String interactionId, String reason) {}

  /** Completes the import and moves the mailbox's last UID on, in one transaction. */
  void complete(String importId, Outcome outcome, String mailboxId, String owner, long uidValidity, long uid, long now) {
    dsl.transaction(c -> {
      var update = c.dsl().update(MAIL_IMPORT).set(MAIL_IMPORT.STATUS, outcome.status()).set(MAIL_IMPORT.DONE_AT, now)
          .set(MAIL_IMPORT.THREAD_ID, outcome.threadId()).set(MAIL_IMPORT.THREAD_NUMBER, outcome.threadNumber())
          .set(MAIL_IMPORT.REASON, cut(outcome.reason(), MAX_REASON));
      if (outcome.interactionId() != null) {
        update = update.set(MAIL_IMPORT.INTERACTION_ID, outcome.interactionId());
      }
      update.where(MAIL_IMPORT.ID.eq(importId)).execute();
      advance(c.dsl(), mailboxId, owner, uidValidity, uid);
    });
  }

  /** The newest imports of a mailbox first. */
  List<MailImport> log(String mailboxId, int limit) {
    return dsl.selectFrom(MAIL_IMPORT).where(MAIL_IMPORT.MAILBOX_ID.eq(mailboxId))
        .orderBy(MAIL_IMPORT.CLAIMED_AT.desc(), MAIL_IMPORT.UID.desc()).limit(limit).fetch(MailboxRepository::entry);
  }

  private static MailImport entry(MailImportRecord r) {
    long at = r.getDoneAt() != null ? r.getDoneAt() : r.getClaimedAt();
    return new MailImport(Instant.ofEpochMilli(at), r.getUidValidity(), r.getUid(), r.getMessageId(), r.getFromAddress(),
        r.getSubject(), r.getStatus(), r.getThreadId(), r.getThreadNumber(), r.getInteractionId(), r.getReason());
  }

  static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
