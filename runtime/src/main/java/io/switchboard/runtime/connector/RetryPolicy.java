package io.switchboard.runtime.connector;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Result;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How an HTTP call is tried again: only after a retryable failure (timeout, connection error, 5xx;
 * never 4xx), with exponential backoff from a first delay that doubles each time (resilience4j). A
 * failure after more than one attempt says how many there were. Exceptions are bugs and never retried.
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
        .retryOnResult(result -> result instanceof Result.Err<?> err && err.failure().retryable())
        .retryOnException(e -> false)
        .failAfterMaxAttempts(false)
        .build()));
  }

  /** The first success, or the last attempt's failure, with "(after N attempts)" when there were several. */
  public <T> Result<T> run(Supplier<Result<T>> attempt) {
    AtomicInteger attempts = new AtomicInteger();
    Result<T> result = retry.executeSupplier(() -> {
      attempts.incrementAndGet();
      return attempt.get();
    });
    if (result instanceof Result.Err<T>(Failure failure) && attempts.get() > 1) {
      return Result.err(failure.withMessage(failure.message() + " (after " + attempts.get() + " attempts)"));
    }
    return result;
  }
}
