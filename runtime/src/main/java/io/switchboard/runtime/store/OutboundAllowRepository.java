package io.switchboard.runtime.store;

import io.switchboard.runtime.model.AllowEntry;
import static io.switchboard.runtime.store.jooq.Tables.OUTBOUND_ALLOW;

import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;

/** The hosts an admin allowed data steps to call although they are loopback, private or link-local. */
public final class OutboundAllowRepository {
  private final DSLContext dsl;
  private final Clock clock;

  public OutboundAllowRepository(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }


  public List<AllowEntry> all() {
    return dsl.selectFrom(OUTBOUND_ALLOW).orderBy(OUTBOUND_ALLOW.ENTRY)
        .fetch(r -> new AllowEntry(r.getEntry(), r.getAddedAt(), r.getAddedBy()));
  }

  /** Adds an entry; false when it was there already. */
  public boolean add(String entry, String user) {
    return dsl.insertInto(OUTBOUND_ALLOW).set(OUTBOUND_ALLOW.ENTRY, entry).set(OUTBOUND_ALLOW.ADDED_AT, clock.millis())
        .set(OUTBOUND_ALLOW.ADDED_BY, user).onDuplicateKeyIgnore().execute() == 1;
  }

  public boolean remove(String entry) {
    return dsl.deleteFrom(OUTBOUND_ALLOW).where(OUTBOUND_ALLOW.ENTRY.eq(entry)).execute() == 1;
  }
}
