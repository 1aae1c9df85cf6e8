package io.switchboard.runtime.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's data steps and outbound allow-list in line with the database, so that what
 * an integrator or admin changes through another instance applies here within one interval.
 */
public final class RegistrySync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistrySync.class);

  private final DataStepService steps;
  private final OutboundAllowList allowList;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "registry-sync");
    thread.setDaemon(true);
    return thread;
  });

  public RegistrySync(DataStepService steps, OutboundAllowList allowList) {
    this.steps = steps;
    this.allowList = allowList;
  }

  /** Loads both now, in the caller's thread. */
  public void syncNow() {
    steps.sync();
    allowList.load();
  }

  public void start(Duration interval) {
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        syncNow();
      } catch (RuntimeException e) {
        LOG.warn("could not read the data steps and the allow-list from the database: {}", e.getMessage());
      }
    }, interval.toMillis(), interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
