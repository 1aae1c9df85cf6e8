package io.switchboard.runtime.routing;

import io.switchboard.runtime.desk.AgentState;
import io.switchboard.runtime.desk.AgentStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the router decides on, at one moment: agents' profiles and desk states, queue members
 * and substitutes, absences, regions' working hours, and how a region hint resolves. The live router
 * loads one per offering round; the simulator builds one from the live state or from an edited copy.
 */
public record RoutingSnapshot(Map<String, AgentProfile> profiles, Map<String, AgentStatus> states,
    Map<String, List<String>> members, Map<String, List<String>> queueSubstitutes, List<Absence> absences,
    Map<String, WorkingHours> hours, Function<String, Optional<ResolvedRegion>> regions) {

  public RoutingSnapshot {
    Function<String, Optional<ResolvedRegion>> resolve = regions;
    Map<String, Optional<ResolvedRegion>> cache = new HashMap<>();
    regions = hint -> hint == null || hint.isBlank() ? Optional.empty() : cache.computeIfAbsent(hint, resolve);
  }

  public AgentProfile profile(String username) {
    return profiles.getOrDefault(username, new AgentProfile(username, Map.of(), List.of(), Map.of(), List.of()));
  }

  public Optional<Absence> absent(String username, long at) {
    return absences.stream().filter(a -> a.username().equals(username) && a.covers(at)).findFirst();
  }

  public AgentState state(String username) {
    AgentStatus status = states.get(username);
    return status == null ? AgentState.offline : status.state();
  }

  public Optional<AgentStatus> status(String username) {
    return Optional.ofNullable(states.get(username));
  }
}
