package io.switchboard.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for something background work makes true, never longer than a bound. */
public final class Conditions {
  private Conditions() {}

  /** Whether the condition held within the bound; it is checked every 10 ms and once more at the end. */
  public static boolean within(Duration bound, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(10);
    }
    return condition.getAsBoolean();
  }
}
