package io.switchboard.runtime.store;

import io.switchboard.runtime.model.Alert;
import static io.switchboard.runtime.store.jooq.Tables.ALERT;

import java.util.List;
import org.jooq.DSLContext;

/** Alerts raised by escalate steps, for agents and supervisors. */
public final class AlertRepository {
  private final DSLContext dsl;

  public AlertRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The alerts raised for one interaction, oldest first. */
  public List<Alert> forInteraction(String interactionId) {
    return dsl.selectFrom(ALERT).where(ALERT.INTERACTION_ID.eq(interactionId)).orderBy(ALERT.CREATED_AT, ALERT.ID)
        .fetch(r -> new Alert(r.getId(), r.getInteractionId(), r.getFlowId(), r.getNodeId(), r.getSeverity(), r.getMessage(),
            r.getQueue(), r.getCreatedAt(), r.getAcknowledgedAt(), r.getThreadId()));
  }

  /** The newest alerts first; only unacknowledged ones when {@code openOnly}. */
  public List<Alert> list(boolean openOnly, int limit) {
    var query = dsl.selectFrom(ALERT).where(openOnly ? ALERT.ACKNOWLEDGED_AT.isNull() : ALERT.ID.isNotNull());
    return query.orderBy(ALERT.CREATED_AT.desc()).limit(limit).fetch(r -> new Alert(r.getId(), r.getInteractionId(),
        r.getFlowId(), r.getNodeId(), r.getSeverity(), r.getMessage(), r.getQueue(), r.getCreatedAt(), r.getAcknowledgedAt(), r.getThreadId()));
  }
}
