package io.switchboard.runtime.routing;

import java.util.List;

/**
 * The region a caller or a value was mapped to.
 *
 * @param path from the root to {@code region}, both included (country → province)
 * @param matchedBy what matched: {@code prefix}, {@code area} or {@code country} for a caller;
 *     {@code id}, {@code name}, {@code area} or {@code country} for a value
 */
public record ResolvedRegion(Region region, List<Region> path, String matchedBy) {

  public ResolvedRegion {
    path = List.copyOf(path);
  }

  /** The ids along the path, e.g. {@code [poland, mazowieckie]}. */
  public List<String> pathIds() {
    return path.stream().map(Region::id).toList();
  }
}
