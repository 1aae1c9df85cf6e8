package io.switchboard.runtime.desk;

import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.work.Workers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one component that decides who is offered what. Each round it lapses offers whose time ran out,
 * ends after-call work that is over, sets agents whose sessions went quiet offline, and then offers
 * the waiting interactions — highest priority first, then longest waiting — each to the agent the
 * {@link Matcher} chooses. Every offer is claimed in the database, so rounds may run on several
 * instances at once: a claim another instance won is simply skipped. A round runs on a timer and
 * whenever something here made an agent free or an interaction wait ({@link #wake}).
 */
public final class Offering implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Offering.class);

  private final DeskRepository desk;
  private final Matcher matcher;
  private final Clock clock;
  private final Ids ids;
  private final Settings settings;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(Workers.daemons("offering"));
  private final AtomicBoolean wakeQueued = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> beforeOffers = new CopyOnWriteArrayList<>();
  private volatile DecisionLog decisions = (waiting, offerId, decision, now) -> { };

  /** Keeps the decisions behind the offers made, with their explanations. */
  @FunctionalInterface
  public interface DecisionLog {
    void record(Matcher.Waiting waiting, String offerId, Matcher.Decision decision, long now);
  }

  public void keepDecisions(DecisionLog log) {
    this.decisions = log;
  }

  /**
   * How offering behaves: how long an offer stands, after how long without a sign of life an agent is
   * offline, and how many waiting interactions one round looks at.
   */
  public record Settings(Duration offerTimeout, Duration presenceTimeout, int batch) {
    public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(20), Duration.ofSeconds(60), 2000);
  }

  /** Hears of the offers this instance made and of offers that ended here, to show them live. */
  public interface Listener {
    void offered(String username, String offerId);

    default void changed(String username) {}
  }

  /** What one round did. */
  public record Round(int offered, int lapsed, int contended) {}

  public Offering(DeskRepository desk, Matcher matcher, Clock clock, Ids ids, Settings settings) {
    this.desk = desk;
    this.matcher = matcher;
    this.clock = clock;
    this.ids = ids;
    this.settings = settings;
  }

  /** Work each round does before it offers (a call list starting the entries free agents can take). */
  public void beforeOffers(Runnable work) {
    beforeOffers.add(work);
  }

  public void listen(Listener listener) {
    listeners.add(listener);
  }

  public void start(Duration interval) {
    started.set(true);
    scheduler.scheduleWithFixedDelay(this::safeRound, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks for a round soon (once started): an agent became free or an interaction started waiting. */
  public void wake() {
    if (started.get() && wakeQueued.compareAndSet(false, true)) {
      try {
        scheduler.execute(() -> {
          wakeQueued.set(false);
          safeRound();
        });
      } catch (RejectedExecutionException e) {
        wakeQueued.set(false);
      }
    }
  }

  private void safeRound() {
    try {
      round();
    } catch (RuntimeException e) {
      log.warn("Offering round failed; the next round tries again", e);
    }
  }

  /** One round, in the caller's thread (tests call it directly with a controlled clock). */
  public synchronized Round round() {
    long now = clock.millis();
    int lapsed = 0;
    for (String offerId : desk.expiredOffers(now, settings.batch())) {
      var agent = desk.endOffer(offerId, "lapsed", null, now);
      if (agent.isPresent()) {
        lapsed++;
        notifyChanged(agent.get());
      }
    }
    desk.afterCallWorkDone(now).forEach(this::notifyChanged);
    long seenSince = now - settings.presenceTimeout().toMillis();
    desk.goneQuiet(seenSince, now).forEach(this::notifyChanged);
    beforeOffers.forEach(Runnable::run);

    List<Matcher.Candidate> free = new ArrayList<>(desk.candidates(seenSince));
    if (free.isEmpty()) {
      return new Round(0, lapsed, 0);
    }
    matcher.beginRound(now);
    int offered = 0;
    int contended = 0;
    for (Matcher.Waiting waiting : desk.waitingForOffer(settings.batch())) {
      if (free.isEmpty()) {
        break;
      }
      Matcher.Decision decision = matcher.choose(waiting, free, now);
      if (decision.chosen() == null) {
        continue;
      }
      String offerId = ids.next();
      String username = decision.chosen().username();
      // an agent gets one offer at a time, whatever the claim's outcome
      free.remove(decision.chosen());
      if (desk.claimOffer(waiting, username, offerId, now, now + settings.offerTimeout().toMillis(), seenSince,
          decision.reason())) {
        offered++;
        decisions.record(waiting, offerId, decision, now);
        for (Listener listener : listeners) {
          listener.offered(username, offerId);
        }
      } else {
        contended++;
      }
    }
    return new Round(offered, lapsed, contended);
  }

  /** The agents who could be offered something right now, as a round would see them. */
  public List<Matcher.Candidate> freeAgents() {
    return desk.candidates(clock.millis() - settings.presenceTimeout().toMillis());
  }

  private void notifyChanged(String username) {
    for (Listener listener : listeners) {
      listener.changed(username);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
