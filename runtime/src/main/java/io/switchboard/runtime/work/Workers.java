package io.switchboard.runtime.work;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads of background work (timers, outbox): one poller that finds due work, and a pool of workers. */
public final class Workers {
  private Workers() {}

  /** Daemon threads named {@code name}, numbered when the name ends with a dash. */
  public static ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name.endsWith("-") ? name + count.incrementAndGet() : name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops polling; work under way gets a few seconds to finish before its workers are interrupted. */
  public static void stop(ScheduledExecutorService poller, ExecutorService workers) {
    poller.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
