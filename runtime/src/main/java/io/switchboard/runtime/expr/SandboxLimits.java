package io.switchboard.runtime.expr;

import java.time.Duration;

/**
 * Bounds on one JavaScript evaluation: statements run, wall-clock time, the size of the variables
 * handed in and of the result handed back (as JSON characters). GraalJS Community cannot bound the
 * guest heap; these caps and the watchdog are what contain a hostile expression.
 */
public record SandboxLimits(long statementLimit, Duration timeout, int maxInputChars, int maxResultChars, int poolSize) {
  public static final SandboxLimits DEFAULTS = new SandboxLimits(100_000, Duration.ofSeconds(1), 1 << 20, 1 << 20,
      Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
}
