package io.switchboard.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.desk.AgentState;
import io.switchboard.runtime.desk.AgentStatus;
import io.switchboard.runtime.desk.Matcher;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The router as a pure function: matching, expansion over time, hours, preferred skills, substitutes. */
class RouterTest {
  /** Monday 2026-11-30, 10:00 in Warsaw. */
  private static final long MONDAY_10 = ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, ZoneId.of("Europe/Warsaw"))
      .toInstant().toEpochMilli();

  private static Matcher.Candidate free(String name, long idleSince) {
    return new Matcher.Candidate(name, idleSince, Set.of("q"), Map.of("message", 1), false, null);
  }

  private static AgentStatus status(String name) {
    return new AgentStatus(name, AgentState.available, 0, 0, List.of("q"), Map.of(), Map.of(), null, null, List.of(), null);
  }

  private static RoutingSnapshot snapshot(Map<String, AgentProfile> profiles, List<Absence> absences,
      Map<String, WorkingHours> hours, Map<String, List<String>> queueSubstitutes) {
    Map<String, AgentStatus> states = new java.util.HashMap<>();
    for (String name : List.of("ann", "bob", "cid", "sub")) {
      states.put(name, status(name));
    }
    return new RoutingSnapshot(profiles, states, Map.of("q", List.of("ann", "bob", "cid")), queueSubstitutes, absences,
        hours, hint -> Optional.empty());
  }

  private static AgentProfile profile(String name, int level, String... substitutes) {
    return new AgentProfile(name, Map.of("product:router", level), List.of("pl"), Map.of(), List.of(substitutes));
  }

  private static Matcher.Waiting waiting(Map<String, Object> requirements, long enqueuedAt) {
    return new Matcher.Waiting("i1", "q", "message", 2, enqueuedAt, "+48", null, Set.of(), requirements, null);
  }

  private static final Map<String, Object> EXPANDING = Map.of(
      "preferredAgent", "ann",
      "skills", List.of(Map.of("skill", "product:router", "minLevel", 4, "required", true)),
      "steps", List.of(Map.of("label", "Account manager", "seconds", 20, "preferredAgentOnly", true),
          Map.of("label", "With the skill", "seconds", 60), Map.of("label", "Anyone", "skills", "ignored")));

  @Test
  void theStepThatAppliesFollowsTheClock() {
    List<Map<String, Object>> steps = (List<Map<String, Object>>) (List<?>) EXPANDING.get("steps");
    assertThat(Router.stepIndex(steps, 0)).isZero();
    assertThat(Router.stepIndex(steps, 19_999)).isZero();
    assertThat(Router.stepIndex(steps, 20_000)).isEqualTo(1);
    assertThat(Router.stepIndex(steps, 79_999)).isEqualTo(1);
    assertThat(Router.stepIndex(steps, 80_000)).isEqualTo(2);
    assertThat(Router.stepIndex(steps, 10_000_000)).isEqualTo(2);
  }

  @Test
  void expandingStepsWidenFromThePreferredAgentToTheSkillToAnyone() {
    RoutingSnapshot snapshot = snapshot(Map.of("ann", profile("ann", 5), "bob", profile("bob", 4), "cid", profile("cid", 1)),
        List.of(), Map.of(), Map.of());
    long start = MONDAY_10;
    List<Matcher.Candidate> withoutAnn = List.of(free("bob", start - 5000), free("cid", start - 9000));

    Matcher.Decision first = Router.decide(waiting(EXPANDING, start), snapshot, withoutAnn, start + 10_000);
    assertThat(first.chosen()).as("only the account manager for 20 s; ann is not free").isNull();
    assertThat(first.step()).isEqualTo("Account manager");
    assertThat(first.considered()).extracting(Matcher.Consideration::username).containsExactly("ann");

    Matcher.Decision second = Router.decide(waiting(EXPANDING, start), snapshot, withoutAnn, start + 20_000);
    assertThat(second.chosen().username()).as("cid idles longer but lacks the level").isEqualTo("bob");
    assertThat(second.considered()).contains(new Matcher.Consideration("cid", "skill product:router at level 1, needs 4"));

    Matcher.Decision third = Router.decide(waiting(EXPANDING, start), snapshot, List.of(free("cid", start)), start + 80_000);
    assertThat(third.chosen().username()).as("skills ignored at last").isEqualTo("cid");
    assertThat(third.step()).isEqualTo("Anyone");
  }

  @Test
  void agentsOutsideTheirRegionsHoursAreNotOfferedAnything() {
    WorkingHours office = new WorkingHours("pl", ZoneId.of("Europe/Warsaw"),
        Map.of("mon", List.of(LocalTime.of(8, 0), LocalTime.of(16, 0)), "thu", List.of(LocalTime.of(8, 0), LocalTime.of(16, 0))),
        Set.of(LocalDate.of(2026, 12, 24)));
    RoutingSnapshot snapshot = snapshot(Map.of("ann", profile("ann", 5)), List.of(), Map.of("pl", office), Map.of());
    Map<String, Object> plain = Map.of();
    assertThat(Router.decide(waiting(plain, MONDAY_10), snapshot, List.of(free("ann", 0)), MONDAY_10).chosen())
        .isNotNull();
    long evening = MONDAY_10 + 7 * 3600_000L;
    Matcher.Decision late = Router.decide(waiting(plain, evening), snapshot, List.of(free("ann", 0)), evening);
    assertThat(late.chosen()).isNull();
    assertThat(late.considered()).contains(new Matcher.Consideration("ann", "outside working hours (pl)"));
    long christmasEve = ZonedDateTime.of(2026, 12, 24, 10, 0, 0, 0, ZoneId.of("Europe/Warsaw")).toInstant().toEpochMilli();
    assertThat(office.open(christmasEve)).as("a holiday, although a Thursday").isFalse();
    assertThat(office.open(christmasEve - 7 * 24 * 3600_000L)).as("the Thursday before").isTrue();
  }

  @Test
  void preferredSkillsRankButDoNotExclude() {
    RoutingSnapshot snapshot = snapshot(Map.of("ann", profile("ann", 2), "bob", profile("bob", 5)), List.of(), Map.of(),
        Map.of());
    Map<String, Object> preferred = Map.of("skills", List.of(Map.of("skill", "product:router", "minLevel", 4,
        "required", false)));
    Matcher.Decision decision = Router.decide(waiting(preferred, 0), snapshot, List.of(free("ann", 0), free("bob", 100)), 1000);
    assertThat(decision.chosen().username()).as("higher proficiency wins over idle time").isEqualTo("bob");
    assertThat(decision.considered()).contains(new Matcher.Consideration("ann", "able, ranked lower (proficiency 2)"));
  }

  @Test
  void theQueuesSubstitutesTakeOverWhenNoMemberCan() {
    RoutingSnapshot snapshot = snapshot(Map.of("sub", profile("sub", 5)), List.of(new Absence("a", "ann", 0, 2 * 86_400_000L,
        "leave")), Map.of(), Map.of("q", List.of("sub")));
    Matcher.Decision decision = Router.decide(waiting(Map.of(), 0), snapshot, List.of(free("sub", 0)), 1000);
    assertThat(decision.chosen().username()).isEqualTo("sub");
    assertThat(decision.reason()).contains("queue substitute: no member of q could take it");
    assertThat(decision.considered()).contains(new Matcher.Consideration("bob", "at capacity"));
    assertThat(decision.considered()).filteredOn(c -> c.username().equals("ann")).singleElement()
        .extracting(Matcher.Consideration::excludedBecause).isEqualTo("absent (leave) until 3 Jan 1970 00:00 UTC");
  }
}
