package io.switchboard.runtime.routing;

import java.util.List;
import java.util.Map;

/**
 * What routing knows of an agent: skills with levels 1–5 ({@code product:router → 4}), the regions
 * they serve, their capacity per channel, and their substitutes in order.
 */
public record AgentProfile(String username, Map<String, Integer> skills, List<String> regions,
    Map<String, Integer> capacity, List<String> substitutes) {
  public AgentProfile {
    skills = skills == null ? Map.of() : Map.copyOf(skills);
    regions = regions == null ? List.of() : List.copyOf(regions);
    capacity = capacity == null ? Map.of() : Map.copyOf(capacity);
    substitutes = substitutes == null ? List.of() : List.copyOf(substitutes);
  }

  public int level(String skill) {
    return skills.getOrDefault(skill, 0);
  }
}
