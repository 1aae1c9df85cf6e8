package io.switchboard.runtime.outbox;

import io.switchboard.runtime.store.OutboxRepository;
import io.switchboard.runtime.work.Workers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox messages after their transaction committed: polls for due messages, and is woken
 * right after a commit that wrote some. Failed attempts are retried with exponential backoff up to a
 * maximum; then the message is marked failed (visible in the interaction's step log).
 *
 * <p>The dispatcher thread only finds due messages and hands them to a small pool of workers; a
 * worker claims its message (so that of several instances one delivers it) and delivers it. A stuck
 * delivery holds one worker, and its message is not handed to another worker here while it is in
 * flight.
 *
 * <p>Delivery is at least once: a crash after the mail server accepted a message but before the
 * acknowledgement was recorded sends it again when its lease runs out, with the same Message-ID.
 */
public final class OutboxDispatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 50;

  private final OutboxRepository outbox;
  private final Map<String, Deliverer> deliverers;
  private final int maxAttempts;
  private final Duration firstBackoff;
  private final Duration lease;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(Workers.daemons("outbox-dispatcher"));
  private final ExecutorService workers;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean wakeQueued = new AtomicBoolean();
  private final AtomicBoolean backlog = new AtomicBoolean();

  /** @param workers how many messages may be delivered at once */
  public OutboxDispatcher(OutboxRepository outbox, List<Deliverer> deliverers, int maxAttempts, Duration firstBackoff,
      Duration lease, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("switchboard.outbox-workers must be at least 1, not " + workers);
    }
    this.outbox = outbox;
    this.deliverers = deliverers.stream().collect(Collectors.toMap(Deliverer::kind, Function.identity()));
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
    this.lease = lease;
    this.workers = Executors.newFixedThreadPool(workers, Workers.daemons("outbox-worker-"));
  }

  /** Polls every {@code interval} from now on. */
  public void start(Duration interval) {
    scheduler.scheduleWithFixedDelay(this::safeRound, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks for a delivery round soon (after a commit that wrote messages). */
  public void wake() {
    if (wakeQueued.compareAndSet(false, true)) {
      try {
        scheduler.execute(() -> {
          wakeQueued.set(false);
          safeRound();
        });
      } catch (RejectedExecutionException e) {
        wakeQueued.set(false); // closed: nothing more is delivered from here
      }
    }
  }

  private void safeRound() {
    try {
      handOverDue();
    } catch (RuntimeException e) {
      log.warn("Outbox round failed; the next round tries again", e);
    }
  }

  /** Hands every due message not already in flight here to a worker; returns how many it handed over. */
  public int handOverDue() {
    List<String> due = outbox.dueIds(BATCH);
    backlog.set(due.size() == BATCH);
    int handed = 0;
    for (String id : due) {
      if (inFlight.add(id)) {
        workers.execute(() -> claimAndDeliver(id));
        handed++;
      }
    }
    return handed;
  }

  private void claimAndDeliver(String id) {
    try {
      outbox.claim(id, lease.toMillis()).ifPresent(this::deliver);
    } catch (RuntimeException e) {
      log.warn("Outbox message {} could not be claimed or recorded; the next round tries again", id, e);
    } finally {
      inFlight.remove(id);
    }
    if (backlog.get()) {
      wake(); // more were due than one round hands over
    }
  }

  private void deliver(OutboxRepository.Message message) {
    Deliverer deliverer = deliverers.get(message.kind());
    try {
      if (deliverer == null) {
        throw new Deliverer.DeliveryException("nothing is configured to deliver " + message.kind()
            + " messages (for e-mail: spring.mail.host)", false, null);
      }
      deliverer.deliver(message.payload(), message.idempotencyKey());
      outbox.sent(message.id());
    } catch (Deliverer.DeliveryException e) {
      boolean giveUp = e.isPermanent() || message.attempts() >= maxAttempts;
      long backoff = firstBackoff.toMillis() * (1L << Math.min(20, message.attempts() - 1));
      outbox.attemptFailed(message.id(), "attempt " + message.attempts() + ": " + e.getMessage(), giveUp ? null : backoff);
      log.info("Outbox message {} attempt {} failed{}: {}", message.id(), message.attempts(),
          giveUp ? " for good" : ", retrying in " + backoff + " ms", e.getMessage());
    }
  }

  /** Stops polling; work under way gets a few seconds to finish before its workers are interrupted. */
  @Override
  public void close() {
    Workers.stop(scheduler, workers);
  }
}
