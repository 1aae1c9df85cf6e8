package io.switchboard.runtime.connector;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How an HTTP call is tried again: only after a transient failure (timeout, connection error, 5xx;
 * never 4xx), with exponential backoff from a first delay that doubles each time (resilience4j). A
 * failure after more than one attempt says how many there were.
 */
public final class RetryPolicy {
  private final Retry retry;

  private RetryPolicy(Retry retry) {
    this.retry = retry;
  }

  /** @param maxAttempts attempts in all, 1 for no retry */
  public static RetryPolicy of(String name, int maxAttempts, long backoffMs) {
    return new RetryPolicy(Retry.of(name, RetryConfig.custom()
        .maxAttempts(maxAttempts)
        .intervalFunction(IntervalFunction.ofExponentialBackoff(Math.max(1, backoffMs), 2.0))
        .retryOnException(e -> e instanceof DataStepException d && d.isTransient())
        .failAfterMaxAttempts(false)
        .build()));
  }

  /** @throws DataStepException the last attempt's failure, with "(after N attempts)" when there were several */
  public <T> T run(Supplier<T> attempt) {
    AtomicInteger attempts = new AtomicInteger();
    try {
      return retry.executeSupplier(() -> {
        attempts.incrementAndGet();
        return attempt.get();
      });
    } catch (DataStepException e) {
      if (attempts.get() < 2) {
        throw e;
      }
      throw new DataStepException(e.getMessage() + " (after " + attempts.get() + " attempts)", e.isTransient());
    }
  }
}
