package io.switchboard.runtime.routing;

import io.switchboard.runtime.desk.AgentStatus;
import io.switchboard.runtime.desk.DeskRepository;
import io.switchboard.runtime.desk.Matcher;
import io.switchboard.runtime.desk.Queue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The desk's offering component decides through this: at the start of each round it loads the
 * routing snapshot (profiles, desk states, members, substitutes, absences, hours), then asks the
 * {@link Router} about each waiting interaction.
 */
public final class RoutingMatcher implements Matcher {
  private final RoutingRepository routing;
  private final DeskRepository desk;
  private final Function<String, Optional<ResolvedRegion>> regions;
  private volatile RoutingSnapshot snapshot;

  public RoutingMatcher(RoutingRepository routing, DeskRepository desk, Function<String, Optional<ResolvedRegion>> regions) {
    this.routing = routing;
    this.desk = desk;
    this.regions = regions;
  }

  @Override
  public void beginRound(long now) {
    snapshot = live(now);
  }

  @Override
  public Decision choose(Waiting waiting, List<Candidate> agents, long now) {
    RoutingSnapshot current = snapshot;
    return Router.decide(waiting, current != null ? current : live(now), agents, now);
  }

  /** The routing state as it is now in the database. */
  public RoutingSnapshot live(long now) {
    Map<String, List<String>> members = desk.queues().stream()
        .collect(Collectors.toMap(Queue::id, Queue::members, (a, b) -> a, LinkedHashMap::new));
    Map<String, AgentStatus> states = desk.agents().stream()
        .collect(Collectors.toMap(AgentStatus::username, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    return new RoutingSnapshot(routing.profiles(), states, members, routing.queueSubstitutes(), routing.absences(null, now),
        routing.hours(), regions);
  }
}
