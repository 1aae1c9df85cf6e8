package io.switchboard.runtime.store;

import io.switchboard.runtime.model.FlowVersion;
import io.switchboard.runtime.model.FlowDraft;
import static io.switchboard.runtime.store.jooq.Tables.FLOW;
import static io.switchboard.runtime.store.jooq.Tables.FLOW_VERSION;
import static io.switchboard.runtime.store.jooq.Tables.TRIGGER_ADDRESS;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Flow drafts and their immutable published versions. */
public final class FlowRepository {
  private final DSLContext dsl;
  private final Clock clock;

  public FlowRepository(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }



  /**
   * Saves a draft, creating the flow when new.
   *
   * @param expectedRevision the revision the editor started from, or null to overwrite
   * @return the saved draft
   * @throws ConcurrentUpdateException when the draft changed since {@code expectedRevision}
   */
  public FlowDraft saveDraft(String id, String name, String document, String problems, int errorCount, String user,
      Integer expectedRevision) {
    long now = clock.millis();
    return dsl.transactionResult(configuration -> {
      DSLContext tx = configuration.dsl();
      var existing = tx.selectFrom(FLOW).where(FLOW.ID.eq(id)).forUpdate().fetchOptional();
      if (existing.isEmpty()) {
        if (expectedRevision != null && expectedRevision != 0) {
          throw new ConcurrentUpdateException("flow " + id);
        }
        tx.insertInto(FLOW).set(FLOW.ID, id).set(FLOW.NAME, name).set(FLOW.DRAFT, document).set(FLOW.PROBLEMS, problems)
            .set(FLOW.ERROR_COUNT, errorCount).set(FLOW.REVISION, 1).set(FLOW.UPDATED_AT, now).set(FLOW.UPDATED_BY, user)
            .execute();
        return new FlowDraft(id, name, document, problems, errorCount, 1, null, now, user);
      }
      var row = existing.get();
      if (expectedRevision != null && !expectedRevision.equals(row.getRevision())) {
        throw new ConcurrentUpdateException("flow " + id);
      }
      int revision = row.getRevision() + 1;
      tx.update(FLOW).set(FLOW.NAME, name).set(FLOW.DRAFT, document).set(FLOW.PROBLEMS, problems)
          .set(FLOW.ERROR_COUNT, errorCount).set(FLOW.REVISION, revision).set(FLOW.UPDATED_AT, now)
          .set(FLOW.UPDATED_BY, user).where(FLOW.ID.eq(id)).execute();
      return new FlowDraft(id, name, document, problems, errorCount, revision, row.getLatestVersion(), now, user);
    });
  }

  public Optional<FlowDraft> draft(String id) {
    return dsl.selectFrom(FLOW).where(FLOW.ID.eq(id)).fetchOptional(r -> new FlowDraft(r.getId(), r.getName(), r.getDraft(),
        r.getProblems(), r.getErrorCount(), r.getRevision(), r.getLatestVersion(), r.getUpdatedAt(), r.getUpdatedBy()));
  }

  public List<FlowDraft> list() {
    return dsl.selectFrom(FLOW).orderBy(FLOW.NAME).fetch(r -> new FlowDraft(r.getId(), r.getName(), null, null,
        r.getErrorCount(), r.getRevision(), r.getLatestVersion(), r.getUpdatedAt(), r.getUpdatedBy()));
  }

  /** A flow's latest published version, with the flow's name. */
  public record Published(String flowId, String name, int version, String document) {}

  /** The latest published version of every published flow, in one query. */
  public List<Published> latestPublished() {
    return dsl.select(FLOW.ID, FLOW.NAME, FLOW_VERSION.VERSION_NO, FLOW_VERSION.DOCUMENT).from(FLOW)
        .join(FLOW_VERSION).on(FLOW_VERSION.FLOW_ID.eq(FLOW.ID).and(FLOW_VERSION.VERSION_NO.eq(FLOW.LATEST_VERSION)))
        .orderBy(FLOW.NAME)
        .fetch(r -> new Published(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  /** A draft's document and the problems stored with it. */
  public record DraftProblems(String id, String document, String problems) {}

  public List<DraftProblems> draftProblems() {
    return dsl.select(FLOW.ID, FLOW.DRAFT, FLOW.PROBLEMS).from(FLOW).fetch(r -> new DraftProblems(r.value1(), r.value2(),
        r.value3()));
  }

  /**
   * Stores a draft's problems found again (after the data steps changed); the revision stays, since
   * the document did not change and no editor's work is overwritten.
   */
  public void updateProblems(String id, String problems, int errorCount) {
    dsl.update(FLOW).set(FLOW.PROBLEMS, problems).set(FLOW.ERROR_COUNT, errorCount).where(FLOW.ID.eq(id)).execute();
  }

  /** The draft documents of every flow, in one query. */
  public List<String> draftDocuments() {
    return dsl.select(FLOW.DRAFT).from(FLOW).fetch(FLOW.DRAFT);
  }

  /**
   * Publishes a document as the flow's next version and points its trigger address at the flow.
   *
   * @throws AddressTakenException when another flow already answers the address
   */
  public FlowVersion publish(String id, String document, String comment, String user, String channel, String address) {
    long now = clock.millis();
    return dsl.transactionResult(configuration -> {
      DSLContext tx = configuration.dsl();
      var flow = tx.selectFrom(FLOW).where(FLOW.ID.eq(id)).forUpdate().fetchSingle();
      if (address != null && !address.isBlank()) {
        Optional<String> owner = tx.select(TRIGGER_ADDRESS.FLOW_ID).from(TRIGGER_ADDRESS)
            .where(TRIGGER_ADDRESS.CHANNEL.eq(channel).and(TRIGGER_ADDRESS.ADDRESS.eq(address)))
            .fetchOptional(TRIGGER_ADDRESS.FLOW_ID);
        if (owner.isPresent() && !owner.get().equals(id)) {
          throw new AddressTakenException(channel, address, owner.get());
        }
        tx.deleteFrom(TRIGGER_ADDRESS).where(TRIGGER_ADDRESS.FLOW_ID.eq(id)).execute();
        tx.insertInto(TRIGGER_ADDRESS).set(TRIGGER_ADDRESS.CHANNEL, channel).set(TRIGGER_ADDRESS.ADDRESS, address)
            .set(TRIGGER_ADDRESS.FLOW_ID, id).execute();
      }
      int version = flow.getLatestVersion() == null ? 1 : flow.getLatestVersion() + 1;
      tx.insertInto(FLOW_VERSION).set(FLOW_VERSION.FLOW_ID, id).set(FLOW_VERSION.VERSION_NO, version)
          .set(FLOW_VERSION.DOCUMENT, document).set(FLOW_VERSION.PUBLISH_COMMENT, comment)
          .set(FLOW_VERSION.PUBLISHED_AT, now).set(FLOW_VERSION.PUBLISHED_BY, user).execute();
      tx.update(FLOW).set(FLOW.LATEST_VERSION, version).where(FLOW.ID.eq(id)).execute();
      return new FlowVersion(id, version, document, comment, now, user);
    });
  }

  public Optional<FlowVersion> version(String id, int version) {
    return dsl.selectFrom(FLOW_VERSION).where(FLOW_VERSION.FLOW_ID.eq(id).and(FLOW_VERSION.VERSION_NO.eq(version)))
        .fetchOptional(r -> new FlowVersion(r.getFlowId(), r.getVersionNo(), r.getDocument(), r.getPublishComment(),
            r.getPublishedAt(), r.getPublishedBy()));
  }

  /** The history, newest first, without the documents. */
  public List<FlowVersion> versions(String id) {
    return dsl.select(FLOW_VERSION.FLOW_ID, FLOW_VERSION.VERSION_NO, FLOW_VERSION.PUBLISH_COMMENT, FLOW_VERSION.PUBLISHED_AT,
            FLOW_VERSION.PUBLISHED_BY)
        .from(FLOW_VERSION).where(FLOW_VERSION.FLOW_ID.eq(id)).orderBy(FLOW_VERSION.VERSION_NO.desc())
        .fetch(r -> new FlowVersion(r.value1(), r.value2(), null, r.value3(), r.value4(), r.value5()));
  }

  /** Deletes a flow with its versions and its trigger address; false when there was none. */
  public boolean delete(String id) {
    return dsl.transactionResult(configuration -> {
      DSLContext tx = configuration.dsl();
      tx.deleteFrom(TRIGGER_ADDRESS).where(TRIGGER_ADDRESS.FLOW_ID.eq(id)).execute();
      tx.deleteFrom(FLOW_VERSION).where(FLOW_VERSION.FLOW_ID.eq(id)).execute();
      return tx.deleteFrom(FLOW).where(FLOW.ID.eq(id)).execute() == 1;
    });
  }

  /** How many interactions of the flow are still running or waiting. */
  public int openInteractions(String id) {
    return dsl.fetchCount(io.switchboard.runtime.store.jooq.Tables.INTERACTION,
        io.switchboard.runtime.store.jooq.Tables.INTERACTION.FLOW_ID.eq(id)
            .and(io.switchboard.runtime.store.jooq.Tables.INTERACTION.STATUS.in("running", "waiting")));
  }

  /** The flow that answers an address on a channel. */
  public Optional<String> flowForAddress(String channel, String address) {
    return dsl.select(TRIGGER_ADDRESS.FLOW_ID).from(TRIGGER_ADDRESS)
        .where(TRIGGER_ADDRESS.CHANNEL.eq(channel).and(TRIGGER_ADDRESS.ADDRESS.eq(address)))
        .fetchOptional(TRIGGER_ADDRESS.FLOW_ID);
  }
}
