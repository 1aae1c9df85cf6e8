package io.switchboard.runtime.store;

import io.switchboard.runtime.model.DataStepChange;
import static io.switchboard.runtime.store.jooq.Tables.DATA_STEP;
import static io.switchboard.runtime.store.jooq.Tables.DATA_STEP_VERSION;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The registered data steps and, for each, every version it had: who changed what and when. A
 * step's secrets are stored sealed; this class never sees them in clear.
 */
public final class DataStepRepository {
  private final DSLContext dsl;
  private final Clock clock;

  public DataStepRepository(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  /** A step as stored: its definition without secrets (JSON) and its sealed secrets. */
  public record Stored(String id, String name, int version, String definition, String sealedSecrets, long createdAt,
      String createdBy, long updatedAt, String updatedBy) {}


  public List<Stored> all() {
    return dsl.selectFrom(DATA_STEP).orderBy(DATA_STEP.NAME, DATA_STEP.ID).fetch(DataStepRepository::stored);
  }

  /** The current version of every step, by id. */
  public java.util.Map<String, Integer> versions() {
    return dsl.select(DATA_STEP.ID, DATA_STEP.VERSION_NO).from(DATA_STEP).fetchMap(DATA_STEP.ID, DATA_STEP.VERSION_NO);
  }

  public Optional<Stored> find(String id) {
    return dsl.selectFrom(DATA_STEP).where(DATA_STEP.ID.eq(id)).fetchOptional(DataStepRepository::stored);
  }

  private static Stored stored(io.switchboard.runtime.store.jooq.tables.records.DataStepRecord r) {
    return new Stored(r.getId(), r.getName(), r.getVersionNo(), r.getDefinition(), r.getSecrets(), r.getCreatedAt(),
        r.getCreatedBy(), r.getUpdatedAt(), r.getUpdatedBy());
  }

  /**
   * Creates or updates a step and records the change in its history, in one transaction.
   *
   * @param expectedVersion the version the editor started from: 0 to create, null to overwrite whatever is there
   * @throws ConcurrentUpdateException when the step exists and is not at {@code expectedVersion}, or
   *     does not exist although a version was expected
   */
  public Stored save(String id, String name, String definition, String sealedSecrets, String changes, String user,
      Integer expectedVersion) {
    long now = clock.millis();
    return dsl.transactionResult(configuration -> {
      DSLContext tx = configuration.dsl();
      var existing = tx.selectFrom(DATA_STEP).where(DATA_STEP.ID.eq(id)).forUpdate().fetchOptional();
      int current = existing.map(r -> r.getVersionNo()).orElse(0);
      if (expectedVersion != null && expectedVersion != current) {
        throw new ConcurrentUpdateException("data step " + id);
      }
      Integer last = tx.select(DSL.max(DATA_STEP_VERSION.VERSION_NO)).from(DATA_STEP_VERSION)
          .where(DATA_STEP_VERSION.STEP_ID.eq(id)).fetchOne(0, Integer.class);
      int version = (last == null ? 0 : last) + 1;
      if (existing.isEmpty()) {
        tx.insertInto(DATA_STEP).set(DATA_STEP.ID, id).set(DATA_STEP.NAME, name).set(DATA_STEP.VERSION_NO, version)
            .set(DATA_STEP.DEFINITION, definition).set(DATA_STEP.SECRETS, sealedSecrets).set(DATA_STEP.CREATED_AT, now)
            .set(DATA_STEP.CREATED_BY, user).set(DATA_STEP.UPDATED_AT, now).set(DATA_STEP.UPDATED_BY, user).execute();
      } else {
        tx.update(DATA_STEP).set(DATA_STEP.NAME, name).set(DATA_STEP.VERSION_NO, version)
            .set(DATA_STEP.DEFINITION, definition).set(DATA_STEP.SECRETS, sealedSecrets).set(DATA_STEP.UPDATED_AT, now)
            .set(DATA_STEP.UPDATED_BY, user).where(DATA_STEP.ID.eq(id)).execute();
      }
      record(tx, id, version, existing.isEmpty() ? "created" : "updated", changes, definition, now, user);
      return new Stored(id, name, version, definition, sealedSecrets,
          existing.map(r -> r.getCreatedAt()).orElse(now), existing.map(r -> r.getCreatedBy()).orElse(user), now, user);
    });
  }

  /** Replaces a step's sealed secrets with the same secrets sealed again (under a new key); no new version. */
  public void reseal(String id, int version, String sealedSecrets) {
    dsl.update(DATA_STEP).set(DATA_STEP.SECRETS, sealedSecrets)
        .where(DATA_STEP.ID.eq(id).and(DATA_STEP.VERSION_NO.eq(version))).execute();
  }

  /** Deletes a step, keeping its history with a last entry that says who deleted it; false when there was none. */
  public boolean delete(String id, String user) {
    long now = clock.millis();
    return dsl.transactionResult(configuration -> {
      DSLContext tx = configuration.dsl();
      var existing = tx.selectFrom(DATA_STEP).where(DATA_STEP.ID.eq(id)).forUpdate().fetchOptional();
      if (existing.isEmpty()) {
        return false;
      }
      record(tx, id, existing.get().getVersionNo() + 1, "deleted", "deleted", existing.get().getDefinition(), now, user);
      tx.deleteFrom(DATA_STEP).where(DATA_STEP.ID.eq(id)).execute();
      return true;
    });
  }

  private static void record(DSLContext tx, String id, int version, String action, String changes, String definition,
      long now, String user) {
    tx.insertInto(DATA_STEP_VERSION).set(DATA_STEP_VERSION.STEP_ID, id).set(DATA_STEP_VERSION.VERSION_NO, version)
        .set(DATA_STEP_VERSION.ACTION, action)
        .set(DATA_STEP_VERSION.CHANGES, changes.length() > 2000 ? changes.substring(0, 1997) + "..." : changes)
        .set(DATA_STEP_VERSION.DEFINITION, definition)
        .set(DATA_STEP_VERSION.CHANGED_AT, now).set(DATA_STEP_VERSION.CHANGED_BY, user).execute();
  }

  /** The history of a step, newest first; also after it was deleted. */
  public List<DataStepChange> history(String id) {
    return dsl.selectFrom(DATA_STEP_VERSION).where(DATA_STEP_VERSION.STEP_ID.eq(id))
        .orderBy(DATA_STEP_VERSION.VERSION_NO.desc())
        .fetch(r -> new DataStepChange(r.getStepId(), r.getVersionNo(), r.getAction(), r.getChanges(), r.getDefinition(),
            r.getChangedAt(), r.getChangedBy()));
  }
}
