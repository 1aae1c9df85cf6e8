package io.switchboard.runtime.service;

import io.switchboard.runtime.model.Alert;
import io.switchboard.runtime.store.AlertRepository;
import java.util.List;

/** The alerts escalate steps raised, for agents, supervisors and integrations. */
public final class AlertService {
  /** The most a single read returns. */
  public static final int MAX_LIMIT = 1000;

  private final AlertRepository alerts;

  public AlertService(AlertRepository alerts) {
    this.alerts = alerts;
  }

  /** Newest first; {@code limit} is kept between 1 and {@link #MAX_LIMIT}. */
  public List<Alert> list(boolean openOnly, int limit) {
    return alerts.list(openOnly, Math.max(1, Math.min(limit, MAX_LIMIT)));
  }

  /** The alerts escalate steps raised for one interaction, oldest first (for the agent who holds it). */
  public List<Alert> forInteraction(String interactionId) {
    return alerts.forInteraction(interactionId);
  }
}
