package io.switchboard.runtime.outbox;

import io.switchboard.runtime.store.OutboxRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
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
 * <p>Delivery is at least once: a crash after the mail server accepted a message but before the
 * acknowledgement was recorded sends it again when its lease runs out, with the same Message-ID.
 */
public final class OutboxDispatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final OutboxRepository outbox;
  private final Map<String, Deliverer> deliverers;
  private final int maxAttempts;
  private final Duration firstBackoff;
  private final Duration lease;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean wakeQueued = new AtomicBoolean();

  public OutboxDispatcher(OutboxRepository outbox, List<Deliverer> deliverers, int maxAttempts, Duration firstBackoff,
      Duration lease) {
    this.outbox = outbox;
    this.deliverers = deliverers.stream().collect(Collectors.toMap(Deliverer::kind, Function.identity()));
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
    this.lease = lease;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "outbox-dispatcher");
      t.setDaemon(true);
      return t;
    });
  }

  /** Polls every {@code interval} from now on. */
  public void start(Duration interval) {
    scheduler.scheduleWithFixedDelay(this::safeDrain, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks for a delivery round soon (after a commit that wrote messages). */
  public void wake() {
    if (wakeQueued.compareAndSet(false, true)) {
      scheduler.execute(() -> {
        wakeQueued.set(false);
        safeDrain();
      });
    }
  }

  private void safeDrain() {
    try {
      drain();
    } catch (RuntimeException e) {
      log.warn("Outbox round failed; the next round tries again", e);
    }
  }

  /** Delivers what is due now; returns how many messages it handled. */
  public int drain() {
    int handled = 0;
    List<String> due;
    while (!(due = outbox.dueIds(50)).isEmpty()) {
      int before = handled;
      for (String id : due) {
        var message = outbox.claim(id, lease.toMillis());
        if (message.isPresent()) {
          deliver(message.get());
          handled++;
        }
      }
      if (handled == before) {
        break; // all taken by another instance
      }
    }
    return handled;
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

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
