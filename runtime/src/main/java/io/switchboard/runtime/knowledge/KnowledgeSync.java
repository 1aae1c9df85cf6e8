package io.switchboard.runtime.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's index in step with the database that all instances share. At start the
 * index is rebuilt when it is missing or recorded another database signature; after that {@link
 * #catchUp()} (run every few seconds) re-indexes what changed since the last change it saw and drops
 * what was deleted. Changes are read from {@value #OVERLAP_MILLIS} ms before that mark, because a
 * transaction that commits late may carry an earlier time; what was already indexed is skipped.
 */
public final class KnowledgeSync implements AutoCloseable {
  static final long OVERLAP_MILLIS = 10_000;
  private static final int PAGE = 1_000;
  private static final Logger log = LoggerFactory.getLogger(KnowledgeSync.class);

  private final KnowledgeRepository repository;
  private final KnowledgeIndex index;
  /** What was indexed inside the overlap window: id → changed_at. */
  private final Map<String, Long> recent = new HashMap<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "knowledge-sync");
    thread.setDaemon(true);
    return thread;
  });

  public KnowledgeSync(KnowledgeRepository repository, KnowledgeIndex index) {
    this.repository = repository;
    this.index = index;
  }

  /** Rebuilds the index when it is missing or stale, else catches up; true when it rebuilt. */
  public synchronized boolean start() {
    KnowledgeRepository.State state = repository.state();
    if (index.fresh() || !state.signature().equals(index.signature())) {
      rebuild(state);
      return true;
    }
    catchUp();
    return false;
  }

  /** Indexes every article again from the database. */
  public synchronized void rebuild() {
    rebuild(repository.state());
  }

  private void rebuild(KnowledgeRepository.State state) {
    long started = System.nanoTime();
    index.clear();
    int[] count = {0};
    repository.forEach(a -> {
      index.add(a);
      count[0]++;
    });
    recent.clear();
    index.commit(state.signature(), state.watermark());
    log.info("knowledge index rebuilt in {}: {} articles in {} ms", index.folder(), count[0],
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Re-indexes what other instances (or this one) changed or deleted since the last catch-up; how many. */
  public synchronized int catchUp() {
    KnowledgeRepository.State state = repository.state();
    long mark = index.watermark();
    long since = Math.max(0, mark - OVERLAP_MILLIS);
    String after = "";
    int applied = 0;
    long newest = mark;
    while (true) {
      List<KnowledgeRepository.Changed> changed = repository.changedSince(since, after, PAGE);
      for (KnowledgeRepository.Changed c : changed) {
        Long seen = recent.put(c.article().id(), c.changedAt());
        if (seen == null || seen != c.changedAt()) {
          index.put(c.article());
          applied++;
        }
        newest = Math.max(newest, c.changedAt());
      }
      if (changed.size() < PAGE) {
        break;
      }
      since = changed.getLast().changedAt();
      after = changed.getLast().article().id();
    }
    for (KnowledgeRepository.Deleted d : repository.deletedSince(Math.max(0, mark - OVERLAP_MILLIS))) {
      Long seen = recent.put(d.id(), -d.deletedAt());
      if (seen == null || seen != -d.deletedAt()) {
        index.delete(d.id());
        applied++;
      }
      newest = Math.max(newest, d.deletedAt());
    }
    long horizon = newest - OVERLAP_MILLIS;
    recent.values().removeIf(t -> Math.abs(t) < horizon);
    if (applied > 0 || !state.signature().equals(index.signature()) || newest != mark) {
      index.commit(state.signature(), newest);
    }
    return applied;
  }

  /** Catches up every {@code interval} in a background thread until closed. */
  public void startCatchingUp(Duration interval) {
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        catchUp();
      } catch (RuntimeException e) {
        log.warn("the knowledge index could not catch up with the database: {}", e.getMessage());
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops catching up, after a last catch-up so that the index records the database as it is now. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      catchUp();
    } catch (RuntimeException e) {
      log.info("the knowledge index could not catch up before closing ({}); it is rebuilt at the next start",
          e.getMessage());
    }
  }
}
