package io.switchboard.runtime.routing;

import io.switchboard.runtime.desk.AgentState;
import io.switchboard.runtime.desk.AgentStatus;
import io.switchboard.runtime.desk.Matcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides which free agent a waiting interaction goes to by its route requirements, and says why for
 * every agent considered. Pure: the same snapshot, interaction, free agents and time give the same
 * decision, which is what lets the simulator agree with the live router.
 *
 * <p>The step that applies is the first whose seconds, added up from when the interaction began to
 * wait, have not all passed. Within it an agent is passed over when absent, not free (offline, away,
 * in after-call work, holding an offer), without room on the channel, outside their region's working
 * hours, below a required skill level (unless the step waives skills), or not serving the caller's
 * region (when the step asks for it; a named substitute of the preferred agent stands in wherever they
 * serve). Of the rest: the preferred agent; else, when the preferred
 * agent is absent or cannot take it, their substitutes in order; else the highest proficiency in the
 * asked-for skills, then the longest idle; and when no member can take it, the queue's substitutes in
 * order.
 */
public final class Router {
  private static final String IMPLICIT_STEP = "Queue members with the skills";
  private static final java.time.format.DateTimeFormatter UNTIL = java.time.format.DateTimeFormatter
      .ofPattern("d MMM yyyy HH:mm 'UTC'", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

  private Router() {}

  public static Matcher.Decision decide(Matcher.Waiting waiting, RoutingSnapshot snapshot, List<Matcher.Candidate> free,
      long now) {
    Map<String, Object> requirements = waiting.requirements();
    List<Map<String, Object>> steps = maps(requirements.get("steps"));
    List<Map<String, Object>> skills = maps(requirements.get("skills"));
    String implicit = skills.isEmpty() ? "Queue members" : IMPLICIT_STEP;
    Map<String, Object> step = steps.isEmpty() ? Map.of("label", implicit) : steps.get(stepIndex(steps,
        now - waiting.enqueuedAt()));
    String label = String.valueOf(step.getOrDefault("label", implicit));
    String queue = step.get("queue") instanceof String q ? q : waiting.queueId();
    String skillsMode = step.get("skills") instanceof String m ? m : "required";
    boolean sameRegion = Boolean.TRUE.equals(step.get("sameRegion"));
    boolean preferredOnly = Boolean.TRUE.equals(step.get("preferredAgentOnly"));
    String preferred = requirements.get("preferredAgent") instanceof String p ? p : waiting.preferredAgent();
    Optional<ResolvedRegion> callerRegion = snapshot.regions().apply(waiting.regionHint());
    String regionText = callerRegion.map(r -> r.region().name() + " (" + String.join(" > ", r.pathIds()) + ")").orElse(null);
    Map<String, Matcher.Candidate> freeByName = free.stream()
        .collect(Collectors.toMap(Matcher.Candidate::username, Function.identity(), (a, b) -> a));

    // who is considered, in the order of the rules: preferred, their substitutes, members, queue substitutes
    Set<String> names = new LinkedHashSet<>();
    if (preferred != null) {
      names.add(preferred);
      names.addAll(snapshot.profile(preferred).substitutes());
    }
    if (!preferredOnly) {
      names.addAll(snapshot.members().getOrDefault(queue, List.of()));
    }
    List<String> queueSubstitutes = preferredOnly ? List.of() : snapshot.queueSubstitutes().getOrDefault(queue, List.of());
    names.addAll(queueSubstitutes);

    List<Matcher.Consideration> considered = new ArrayList<>();
    List<Matcher.Candidate> eligible = new ArrayList<>();
    List<String> standsIn = preferred == null ? List.of() : snapshot.profile(preferred).substitutes();
    for (String name : names) {
      // a named substitute stands in for the preferred agent, wherever they serve
      String excluded = exclusion(name, waiting, snapshot, freeByName.get(name), skills, skillsMode,
          sameRegion && !standsIn.contains(name), callerRegion, now);
      if (excluded == null) {
        eligible.add(freeByName.get(name));
      } else {
        considered.add(new Matcher.Consideration(name, excluded));
      }
    }
    List<Matcher.Candidate> fresh = eligible.stream().filter(c -> !waiting.triedAgents().contains(c.username())).toList();
    if (!fresh.isEmpty() && fresh.size() < eligible.size()) {
      eligible.stream().filter(c -> !fresh.contains(c)).forEach(c ->
          considered.add(new Matcher.Consideration(c.username(), "already offered it and let it go")));
      eligible = new ArrayList<>(fresh);
    }
    Matcher.Candidate chosen = null;
    String why = null;
    Set<String> eligibleNames = eligible.stream().map(Matcher.Candidate::username).collect(Collectors.toSet());
    if (preferred != null && eligibleNames.contains(preferred)) {
      chosen = freeByName.get(preferred);
      why = "the preferred agent";
    } else if (preferred != null) {
      for (String substitute : snapshot.profile(preferred).substitutes()) {
        if (eligibleNames.contains(substitute)) {
          chosen = freeByName.get(substitute);
          why = "substitute of " + preferred + ", who " + reasonOf(considered, preferred);
          break;
        }
      }
    }
    if (chosen == null) {
      List<Matcher.Candidate> members = eligible.stream().filter(c -> !queueSubstitutes.contains(c.username())
          || snapshot.members().getOrDefault(queue, List.of()).contains(c.username())).toList();
      Comparator<Matcher.Candidate> best = Comparator.<Matcher.Candidate>comparingInt(c -> -proficiency(snapshot, c, skills))
          .thenComparingLong(Matcher.Candidate::idleSince).thenComparing(Matcher.Candidate::username);
      chosen = members.stream().min(best).orElse(null);
      if (chosen != null) {
        why = (skills.isEmpty() ? "idle longest" : "highest proficiency (" + proficiency(snapshot, chosen, skills)
            + "), then idle longest") + " of " + members.size() + " able";
      } else {
        for (String substitute : queueSubstitutes) {
          if (eligibleNames.contains(substitute)) {
            chosen = freeByName.get(substitute);
            why = "queue substitute: no member of " + queue + " could take it";
            break;
          }
        }
      }
    }
    for (Matcher.Candidate agent : eligible) {
      considered.add(new Matcher.Consideration(agent.username(), agent == chosen ? null
          : skills.isEmpty() ? "able, idle for less time" : "able, ranked lower (proficiency "
              + proficiency(snapshot, agent, skills) + ")"));
    }
    if (chosen == null) {
      return new Matcher.Decision(null, "step '" + label + "': nobody considered can take it now", considered, label,
          regionText);
    }
    return new Matcher.Decision(chosen, "step '" + label + "': " + chosen.username() + ", " + why, considered, label,
        regionText);
  }

  /** Which step applies after {@code waitedMillis}: the first whose seconds, summed from the start, have not passed. */
  static int stepIndex(List<Map<String, Object>> steps, long waitedMillis) {
    long until = 0;
    for (int i = 0; i < steps.size(); i++) {
      if (!(steps.get(i).get("seconds") instanceof Number seconds)) {
        return i;
      }
      until += seconds.longValue() * 1000;
      if (waitedMillis < until) {
        return i;
      }
    }
    return steps.size() - 1;
  }

  private static String exclusion(String name, Matcher.Waiting waiting, RoutingSnapshot snapshot, Matcher.Candidate free,
      List<Map<String, Object>> skills, String skillsMode, boolean sameRegion, Optional<ResolvedRegion> callerRegion,
      long now) {
    Optional<Absence> absence = snapshot.absent(name, now);
    if (absence.isPresent()) {
      return "absent (" + absence.get().reason() + ") until " + UNTIL.format(Instant.ofEpochMilli(absence.get().to()));
    }
    if (free == null) {
      Optional<AgentStatus> status = snapshot.status(name);
      if (status.isEmpty()) {
        return "not known at the desk";
      }
      AgentState state = status.get().state();
      if (status.get().openOfferId() != null) {
        return "considering another offer";
      }
      return switch (state) {
        case offline -> "offline";
        case away -> "away";
        case after_call_work -> "in after-call work";
        default -> "at capacity";
      };
    }
    if (!free.hasRoomFor(waiting.channel())) {
      return free.onCall() ? "on a call" : "at capacity for " + waiting.channel();
    }
    AgentProfile profile = snapshot.profile(name);
    List<WorkingHours> hours = profile.regions().stream().map(snapshot.hours()::get).filter(h -> h != null).toList();
    if (!hours.isEmpty() && hours.stream().noneMatch(h -> h.open(now))) {
      return "outside working hours (" + hours.stream().map(WorkingHours::regionId).collect(Collectors.joining(", ")) + ")";
    }
    if (skillsMode.equals("required")) {
      for (Map<String, Object> skill : skills) {
        String name0 = String.valueOf(skill.get("skill"));
        int min = ((Number) skill.getOrDefault("minLevel", 1)).intValue();
        if (!Boolean.FALSE.equals(skill.get("required")) && profile.level(name0) < min) {
          return profile.level(name0) == 0 ? "lacks skill " + name0
              : "skill " + name0 + " at level " + profile.level(name0) + ", needs " + min;
        }
      }
    }
    if (sameRegion) {
      if (callerRegion.isEmpty()) {
        return null; // the caller's region is unknown: the step cannot narrow by it
      }
      List<String> path = callerRegion.get().pathIds();
      if (profile.regions().stream().noneMatch(path::contains)) {
        return "serves " + (profile.regions().isEmpty() ? "no region" : String.join(", ", profile.regions()))
            + ", not the caller's " + callerRegion.get().region().id();
      }
    }
    return null;
  }

  /** The sum of the agent's levels in the asked-for skills, required and preferred. */
  private static int proficiency(RoutingSnapshot snapshot, Matcher.Candidate agent, List<Map<String, Object>> skills) {
    AgentProfile profile = snapshot.profile(agent.username());
    return skills.stream().mapToInt(s -> profile.level(String.valueOf(s.get("skill")))).sum();
  }

  private static String reasonOf(List<Matcher.Consideration> considered, String name) {
    return considered.stream().filter(c -> c.username().equals(name)).map(Matcher.Consideration::excludedBecause)
        .findFirst().map(r -> "is " + r).orElse("cannot take it");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }
}
