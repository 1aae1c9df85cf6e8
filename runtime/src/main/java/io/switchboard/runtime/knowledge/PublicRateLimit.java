package io.switchboard.runtime.knowledge;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How often one client address may use the public knowledge pages: a Bucket4j token bucket per
 * address, refilled greedily to {@code perMinute} a minute. The buckets of the 10,000 most recently
 * seen addresses are kept. The address is the request's remote address: behind a proxy set
 * {@code server.forward-headers-strategy} so that it is the client's, not the proxy's.
 */
public final class PublicRateLimit {
  private static final int MAX_CLIENTS = 10_000;

  private final int perMinute;
  private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
      return size() > MAX_CLIENTS;
    }
  };

  public PublicRateLimit(int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("switchboard.knowledge.public-rate must be at least 1, not " + perMinute);
    }
    this.perMinute = perMinute;
  }

  /** Takes one request from the client's allowance: empty when allowed, else the seconds to wait. */
  public OptionalLong take(String client) {
    Bucket bucket;
    synchronized (buckets) {
      bucket = buckets.computeIfAbsent(client, c -> Bucket.builder()
          .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build());
    }
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
  }
}
