package io.switchboard.runtime.service;

import io.switchboard.runtime.store.InteractionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the deadlines of waiting interactions. Deadlines live in the database, so after a restart
 * every timer fires, late if need be. Several instances may poll at once: the interaction's
 * revision check lets exactly one of them resume it.
 */
public final class TimerService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TimerService.class);

  private final InteractionStore store;
  private final InteractionService interactions;
  private final Clock clock;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "timers");
    t.setDaemon(true);
    return t;
  });

  public TimerService(InteractionStore store, InteractionService interactions, Clock clock) {
    this.store = store;
    this.interactions = interactions;
    this.clock = clock;
  }

  public void start(Duration interval) {
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        fireDue();
      } catch (RuntimeException e) {
        log.warn("Timer round failed; the next round tries again", e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Fires every deadline that has passed; returns how many interactions it resumed. */
  public int fireDue() {
    int fired = 0;
    for (String id : store.dueWaits(clock.millis(), 200)) {
      if (interactions.fireTimer(id)) {
        fired++;
      }
    }
    return fired;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
