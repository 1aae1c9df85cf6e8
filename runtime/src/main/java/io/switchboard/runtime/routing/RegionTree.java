package io.switchboard.runtime.routing;

import java.util.List;

/** The whole region tree, parents before or after their children, in the order it was saved. */
public record RegionTree(List<Region> regions) {

  public RegionTree {
    regions = regions == null ? null : List.copyOf(regions);
  }
}
