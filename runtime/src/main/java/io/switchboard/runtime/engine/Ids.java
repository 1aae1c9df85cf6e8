package io.switchboard.runtime.engine;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (version 7): the first 48 bits are the epoch millisecond, so new rows land at
 * the end of primary-key indexes. Random bits come from {@link ThreadLocalRandom}: ids must be
 * unique, not secret.
 */
public final class Ids {
  public String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long millis = System.currentTimeMillis();
    long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
