package io.switchboard.runtime.routing;

import io.switchboard.runtime.desk.AgentState;
import io.switchboard.runtime.desk.AgentStatus;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.Matcher;
import io.switchboard.runtime.desk.Priorities;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.NotFoundException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The routing model supervisors manage (skills, regions, capacity, substitutes, absences, working
 * hours), the explanation of every decision, the what-if simulator and the staffing estimate.
 */
public final class RoutingService {
  private static final Pattern SKILL = Pattern.compile("[a-z0-9][a-z0-9_:.-]{0,99}");
  /** The channels a capacity is kept for; {@code chat} is the message channel. */
  private static final Set<String> CHANNELS = Set.of("voice", "message", "email", "webhook", "call-list");
  private static final Set<String> DAYS = Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private final RoutingRepository routing;
  private final RoutingMatcher matcher;
  private final DeskService desk;
  private final RegionService regions;
  private final Predicate<String> isUser;
  private final Clock clock;
  private final Ids ids;

  public RoutingService(RoutingRepository routing, RoutingMatcher matcher, DeskService desk, RegionService regions,
      Predicate<String> isUser, Clock clock, Ids ids) {
    this.routing = routing;
    this.matcher = matcher;
    this.desk = desk;
    this.regions = regions;
    this.isUser = isUser;
    this.clock = clock;
    this.ids = ids;
  }

  // --- the model ---

  public AgentProfile profile(String username) {
    knownUser(username);
    desk.me(username);
    return routing.profiles().getOrDefault(username, new AgentProfile(username, Map.of(), List.of(),
        desk.agents().stream().filter(a -> a.username().equals(username)).findFirst().map(AgentStatus::capacity)
            .orElse(Map.of()), List.of()));
  }

  /** Every stored profile by username, read only (unlike {@link #profile}, no agent is touched at the desk). */
  public Map<String, AgentProfile> profiles() {
    return routing.profiles();
  }

  /** Replaces the agent's skills, regions, capacity and substitutes; everything is checked before anything is written. */
  public AgentProfile putProfile(String username, Map<String, Integer> skills, List<String> regionIds,
      Map<String, Integer> capacity, List<String> substitutes) {
    knownUser(username);
    Map<String, Integer> checkedSkills = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> skill : (skills == null ? Map.<String, Integer>of() : skills).entrySet()) {
      if (skill.getKey() == null || !SKILL.matcher(skill.getKey()).matches()) {
        throw new BadRequestException("a skill is written in lower case, like product:router or language:pl, not '"
            + skill.getKey() + "'");
      }
      if (skill.getValue() == null || skill.getValue() < 1 || skill.getValue() > 5) {
        throw new BadRequestException("the level of skill '" + skill.getKey() + "' must be 1 to 5, not " + skill.getValue());
      }
      checkedSkills.put(skill.getKey(), skill.getValue());
    }
    Set<String> knownRegions = new java.util.HashSet<>();
    regions.tree().regions().forEach(r -> knownRegions.add(r.id()));
    for (String region : regionIds == null ? List.<String>of() : regionIds) {
      if (!knownRegions.contains(region)) {
        throw new BadRequestException("no region '" + region + "'; the regions are under /api/regions");
      }
    }
    Map<String, Integer> checkedCapacity = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> channel : (capacity == null ? Map.<String, Integer>of() : capacity).entrySet()) {
      String name = "chat".equals(channel.getKey()) ? "message" : channel.getKey();
      if (!CHANNELS.contains(name)) {
        throw new BadRequestException("no channel '" + channel.getKey() + "'; capacity is set for voice, chat, email, "
            + "webhook or call-list");
      }
      if (channel.getValue() == null || channel.getValue() < 0 || channel.getValue() > 50) {
        throw new BadRequestException("the capacity for " + channel.getKey() + " must be 0 to 50, not " + channel.getValue());
      }
      checkedCapacity.put(name, channel.getValue());
    }
    List<String> checkedSubstitutes = substitutes == null ? List.of() : List.copyOf(substitutes);
    for (String substitute : checkedSubstitutes) {
      if (substitute == null || substitute.equals(username) || !isUser.test(substitute)) {
        throw new BadRequestException("'" + substitute + "' cannot substitute for " + username
            + (username.equals(substitute) ? ": that is the agent" : ": no such user"));
      }
    }
    if (checkedSubstitutes.stream().distinct().count() != checkedSubstitutes.size()) {
      throw new BadRequestException("a substitute is listed twice");
    }
    desk.me(username);
    routing.putProfile(new AgentProfile(username, checkedSkills, regionIds, checkedCapacity, checkedSubstitutes));
    return profile(username);
  }

  public List<Absence> absences(String username) {
    knownUser(username);
    return routing.absences(username, clock.millis() - 7L * 24 * 3600 * 1000);
  }

  public Absence addAbsence(String username, Long from, Long to, String reason, String by) {
    knownUser(username);
    if (from == null || to == null || from >= to) {
      throw new BadRequestException("an absence needs from before to");
    }
    if (reason == null || reason.isBlank() || reason.length() > 200) {
      throw new BadRequestException("an absence needs a reason (sick, leave, standby …) of at most 200 characters");
    }
    Absence absence = new Absence(ids.next(), username, from, to, reason.strip());
    routing.addAbsence(absence, by, clock.millis());
    return absence;
  }

  public void deleteAbsence(String username, String id) {
    if (!routing.deleteAbsence(username, id)) {
      throw new NotFoundException("no absence '" + id + "' of " + username);
    }
  }

  public List<String> queueSubstitutes(String queueId) {
    desk.queue(queueId);
    return routing.queueSubstitutes().getOrDefault(queueId, List.of());
  }

  public List<String> putQueueSubstitutes(String queueId, List<String> substitutes) {
    desk.queue(queueId);
    List<String> checked = substitutes == null ? List.of() : List.copyOf(substitutes);
    for (String substitute : checked) {
      if (substitute == null || !isUser.test(substitute)) {
        throw new BadRequestException("'" + substitute + "' is not a user");
      }
    }
    routing.putQueueSubstitutes(queueId, checked);
    return checked;
  }

  /** Working hours of a region: {@code weekly} {@code mon → ["08:00", "17:00"]}, holidays as ISO dates. */
  public WorkingHours putHours(String regionId, String timeZone, Map<String, List<String>> weekly, List<String> holidays) {
    if (regions.tree().regions().stream().noneMatch(r -> r.id().equals(regionId))) {
      throw new NotFoundException("no region '" + regionId + "'");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(timeZone == null ? "" : timeZone);
    } catch (DateTimeException e) {
      throw new BadRequestException("'" + timeZone + "' is not a time zone (e.g. Europe/Warsaw)");
    }
    Map<String, List<LocalTime>> hours = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> day : (weekly == null ? Map.<String, List<String>>of() : weekly).entrySet()) {
      if (!DAYS.contains(day.getKey())) {
        throw new BadRequestException("'" + day.getKey() + "' is not a day; use mon, tue, wed, thu, fri, sat, sun");
      }
      try {
        List<LocalTime> times = day.getValue().stream().map(LocalTime::parse).toList();
        if (times.size() != 2 || !times.get(0).isBefore(times.get(1))) {
          throw new BadRequestException("the hours of " + day.getKey() + " are [from, to] with from before to");
        }
        hours.put(day.getKey(), times);
      } catch (DateTimeException e) {
        throw new BadRequestException("the hours of " + day.getKey() + " are times like 08:00: " + e.getMessage());
      }
    }
    Set<LocalDate> days = new java.util.TreeSet<>();
    for (String holiday : holidays == null ? List.<String>of() : holidays) {
      try {
        days.add(LocalDate.parse(holiday));
      } catch (DateTimeException e) {
        throw new BadRequestException("'" + holiday + "' is not a date like 2026-12-24");
      }
    }
    WorkingHours result = new WorkingHours(regionId, zone, hours, days);
    routing.putHours(result);
    return result;
  }

  public Map<String, WorkingHours> hours() {
    return routing.hours();
  }

  // --- explanations and what-if ---

  /** The decisions made for the interaction, oldest first; 404 for an unknown interaction. */
  public Map<String, Object> routing(String interactionId) {
    desk.interaction(interactionId);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("interactionId", interactionId);
    answer.put("decisions", routing.decisions(interactionId));
    return answer;
  }

  /** Keeps an offer's decision with its whole explanation. */
  public void record(Matcher.Waiting waiting, String offerId, Matcher.Decision decision, long now) {
    routing.recordDecision(ids.next(), waiting.interactionId(), now, decision.chosen() == null ? null
        : decision.chosen().username(), explanation(decision, offerId, now));
  }

  static Map<String, Object> explanation(Matcher.Decision decision, String offerId, long now) {
    Map<String, Object> explained = new LinkedHashMap<>();
    explained.put("at", java.time.Instant.ofEpochMilli(now).toString());
    if (offerId != null) {
      explained.put("offerId", offerId);
    }
    explained.put("step", decision.step());
    explained.put("callerRegion", decision.callerRegion());
    explained.put("chosen", decision.chosen() == null ? null : decision.chosen().username());
    explained.put("reason", decision.reason());
    List<Map<String, Object>> considered = new ArrayList<>();
    for (Matcher.Consideration c : decision.considered()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("agent", c.username());
      one.put("excluded", c.excludedBecause());
      considered.add(one);
    }
    explained.put("considered", considered);
    return explained;
  }

  /** What the simulator is asked: an interaction's attributes, its route requirements, and optionally edited agents. */
  public record Simulation(String queue, String channel, String callerNumber, String region, String priority,
      String preferredAgent, Map<String, Object> requirements, Integer waitedSeconds, List<SimulatedAgent> agents) {}

  /** An agent as the simulator should see them; anything left out is as it is live. */
  public record SimulatedAgent(String username, String state, Map<String, Integer> skills, List<String> regions,
      Map<String, Integer> free, Boolean onCall, Integer idleSeconds, String absentReason) {}

  /** The decision for the given interaction on the live snapshot or an edited copy; changes nothing. */
  public Map<String, Object> simulate(Simulation request) {
    if (request == null || request.queue() == null) {
      throw new BadRequestException("a body {queue, channel, callerNumber, requirements, agents?} is required");
    }
    desk.queue(request.queue());
    long now = clock.millis();
    RoutingSnapshot live = matcher.live(now);
    Map<String, AgentProfile> profiles = new HashMap<>(live.profiles());
    List<Absence> absences = new ArrayList<>(live.absences());
    Map<String, AgentStatus> states = new LinkedHashMap<>(live.states());
    List<Matcher.Candidate> free = new ArrayList<>(desk.candidates());
    for (SimulatedAgent agent : request.agents() == null ? List.<SimulatedAgent>of() : request.agents()) {
      AgentProfile current = live.profile(agent.username());
      profiles.put(agent.username(), new AgentProfile(agent.username(), agent.skills() != null ? agent.skills()
          : current.skills(), agent.regions() != null ? agent.regions() : current.regions(), current.capacity(),
          current.substitutes()));
      if (agent.absentReason() != null) {
        absences.add(new Absence("simulated", agent.username(), now - 1, now + 3_600_000, agent.absentReason()));
      }
      free.removeIf(c -> c.username().equals(agent.username()));
      AgentState state = agent.state() == null ? live.state(agent.username()) : AgentState.valueOf(agent.state());
      AgentStatus was = states.get(agent.username());
      states.put(agent.username(), new AgentStatus(agent.username(), state, now, now, was == null ? List.of() : was.queues(),
          current.capacity(), was == null ? Map.of() : was.active(), null, null, List.of(), null));
      if (state == AgentState.available) {
        Map<String, Integer> room = agent.free() != null ? agent.free() : Map.of(channel(request), 1);
        free.add(new Matcher.Candidate(agent.username(), now - (agent.idleSeconds() == null ? 0 : agent.idleSeconds())
            * 1000L, Set.of(), room, Boolean.TRUE.equals(agent.onCall()), null));
      }
    }
    RoutingSnapshot snapshot = new RoutingSnapshot(profiles, states, live.members(), live.queueSubstitutes(), absences,
        live.hours(), live.regions());
    String hint = request.region() != null ? request.region() : request.callerNumber();
    Matcher.Waiting waiting = new Matcher.Waiting("simulated", request.queue(), channel(request),
        Priorities.rank(request.priority()), now - (request.waitedSeconds() == null ? 0 : request.waitedSeconds()) * 1000L,
        request.callerNumber(), request.preferredAgent(), Set.of(),
        request.requirements() == null ? Map.of() : request.requirements(), hint);
    return explanation(Router.decide(waiting, snapshot, free, now), null, now);
  }

  private static String channel(Simulation request) {
    return request.channel() == null ? "voice" : "chat".equals(request.channel()) ? "message" : request.channel();
  }

  /** Agents needed for the queue to reach the service level (Erlang C), with the expected wait. */
  public ErlangC.Staffing staffing(String queueId, double arrivalsPerHour, double handleSeconds, double serviceLevel,
      double targetSeconds) {
    desk.queue(queueId);
    return ErlangC.staff(arrivalsPerHour, handleSeconds, serviceLevel, targetSeconds);
  }

  private void knownUser(String username) {
    if (username == null || !isUser.test(username)) {
      throw new NotFoundException("no user '" + username + "'");
    }
  }
}
