package io.switchboard.runtime.service;

import io.switchboard.runtime.store.InteractionStore;
import io.switchboard.runtime.work.Workers;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the deadlines of waiting interactions. Deadlines live in the database, so after a restart
 * every timer fires, late if need be. The scheduler thread only finds due interactions and hands
 * them to a small pool of workers, which resume them: a resumed flow that runs a slow step holds
 * one worker, not every other interaction's timer. Several instances may poll at once: the
 * interaction's revision check lets exactly one of them resume it; within this instance an
 * interaction is handed over once until its worker is done with it.
 */
public final class TimerService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TimerService.class);
  private static final int BATCH = 200;

  private final InteractionStore store;
  private final InteractionService interactions;
  private final Clock clock;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(Workers.daemons("timers"));
  private final ExecutorService workers;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  /** @param workers how many interactions may be resumed at once */
  public TimerService(InteractionStore store, InteractionService interactions, Clock clock, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("switchboard.timer-workers must be at least 1, not " + workers);
    }
    this.store = store;
    this.interactions = interactions;
    this.clock = clock;
    this.workers = Executors.newFixedThreadPool(workers, Workers.daemons("timer-worker-"));
  }

  public void start(Duration interval) {
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        handOverDue();
      } catch (RuntimeException e) {
        log.warn("Timer round failed; the next round tries again", e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Hands every passed deadline not already being resumed here to a worker; returns how many it handed over. */
  public int handOverDue() {
    int handed = 0;
    for (String id : store.dueWaits(clock.millis(), BATCH)) {
      if (inFlight.add(id)) {
        workers.execute(() -> resume(id));
        handed++;
      }
    }
    return handed;
  }

  private void resume(String id) {
    try {
      interactions.fireTimer(id);
    } catch (RuntimeException e) {
      log.warn("Resuming interaction {} at its deadline failed; the next round tries again", id, e);
    } finally {
      inFlight.remove(id);
    }
  }

  /** Stops polling; work under way gets a few seconds to finish before its workers are interrupted. */
  @Override
  public void close() {
    Workers.stop(scheduler, workers);
  }
}
