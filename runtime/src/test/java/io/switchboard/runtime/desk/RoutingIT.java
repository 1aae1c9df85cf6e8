package io.switchboard.runtime.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.TinyFlow;
import io.switchboard.runtime.routing.Region;
import io.switchboard.runtime.routing.RegionTree;
import io.switchboard.runtime.routing.RoutingService;
import io.switchboard.runtime.service.StartRequest;
import io.switchboard.runtime.store.TestDatabases;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five rules of source 003 as scenarios on H2 and MySQL, through the desk's offering rounds with
 * a hand-moved clock: region from the caller's number, skill, priority order, a temporary substitute
 * while the agent is absent, overload to a substitute; the expanding steps; every decision explained;
 * and the simulator agreeing with the live router.
 */
class RoutingIT {
  static final String ROUTED = TinyFlow.of("message", """
      [{"name": "tier", "type": "string", "default": "standard"}, {"name": "manager", "type": "string", "default": ""}]""", """
      {"id": "r", "type": "route", "config": {"queue": "support", "priority": "tier == 'gold' ? 8 : 2",
        "preferredAgent": "{{ manager }}", "skills": [{"skill": "product:router", "minLevel": 3}],
        "steps": [{"label": "Same region", "seconds": 60, "sameRegion": true}, {"label": "Any region with the skill"}]}},
      {"id": "e", "type": "end", "config": {"outcome": "served"}}""", """
      {"from": "t", "port": "next", "to": "r"}, {"from": "r", "port": "connected", "to": "e"}""")
      .replace("\"id\": \"tiny\"", "\"id\": \"routed\"");
  private static final String WARSAW = "+48 22 555 01 00";
  private static final String KRAKOW = "+48 12 555 01 00";

  private HikariDataSource dataSource;

  static List<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private DeskRig rig(TestDatabases.Kind kind) {
    if (kind.name().equals("MySQL") && !TestDatabases.mysqlReachable()) {
      Assumptions.abort("no MySQL-compatible server on 127.0.0.1:3306: MySQL routing tests skipped");
    }
    dataSource = kind.create().get();
    Engine engine = new Engine();
    Map<String, CompiledFlow> flows = new HashMap<>(DeskIT.flows(engine));
    flows.put("routed", engine.compile(ROUTED));
    DeskRig rig = new DeskRig(dataSource, engine.clock(), flows);
    rig.regions.replace(new RegionTree(List.of(
        new Region("poland", "Poland", null, List.of("PL"), List.of(), List.of()),
        new Region("mazowieckie", "Mazowieckie", "poland", List.of(), List.of("Warszawa"), List.of()),
        new Region("malopolskie", "Małopolskie", "poland", List.of(), List.of("Kraków"), List.of()))), "test");
    rig.queue("support", 3600, 0, List.of("ann", "bob", "cid", "dan"));
    profile(rig, "ann", 4, "mazowieckie", "cid");
    profile(rig, "bob", 2, "malopolskie");
    profile(rig, "cid", 5, "malopolskie");
    rig.routing.putProfile("dan", Map.of("language:pl", 5), List.of("mazowieckie"), Map.of(), List.of());
    return rig;
  }

  private static void profile(DeskRig rig, String agent, int level, String region, String... substitutes) {
    rig.routing.putProfile(agent, Map.of("product:router", level), List.of(region), Map.of("chat", 1), List.of(substitutes));
  }

  private static String start(DeskRig rig, String from, Map<String, Object> variables) {
    return rig.interactions.start(new StartRequest("routed", "message", from, "+4822000000", variables, Map.of(), null)).id();
  }

  private static Offer offerOf(DeskRig rig, String interactionId) {
    return rig.desk.agents().stream().flatMap(a -> rig.desk.offers(a.username()).stream())
        .filter(o -> o.interactionId().equals(interactionId)).findFirst().orElseThrow(() ->
            new AssertionError("no open offer for " + interactionId));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> lastDecision(DeskRig rig, String interactionId) {
    List<Map<String, Object>> decisions = (List<Map<String, Object>>) rig.routing.routing(interactionId).get("decisions");
    return decisions.getLast();
  }

  @SuppressWarnings("unchecked")
  private static String excluded(Map<String, Object> decision, String agent) {
    return ((List<Map<String, Object>>) decision.get("considered")).stream().filter(c -> agent.equals(c.get("agent")))
        .map(c -> String.valueOf(c.get("excluded"))).findFirst().orElse("not considered");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theCallersNumberGivesTheRegionAndTheSkillDecidesWithinIt(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.available("ann", "bob", "cid", "dan");
    String warsaw = start(rig, WARSAW, Map.of());
    rig.offering.round();
    assertThat(offerOf(rig, warsaw).username()).as("the only one serving Warsaw with the skill").isEqualTo("ann");
    Map<String, Object> decision = lastDecision(rig, warsaw);
    assertThat(decision.get("step")).isEqualTo("Same region");
    assertThat(String.valueOf(decision.get("callerRegion"))).contains("Mazowieckie").contains("poland > mazowieckie");
    assertThat(excluded(decision, "cid")).isEqualTo("serves malopolskie, not the caller's mazowieckie");
    assertThat(excluded(decision, "bob")).isEqualTo("skill product:router at level 2, needs 3");
    assertThat(excluded(decision, "dan")).isEqualTo("lacks skill product:router");
    assertThat(excluded(decision, "ann")).isEqualTo("null");

    String krakow = start(rig, KRAKOW, Map.of());
    rig.offering.round();
    assertThat(offerOf(rig, krakow).username()).as("Kraków: cid has the skill, bob's level is too low").isEqualTo("cid");
    assertThat(rig.interactions.get(krakow).waiting().details()).containsEntry("regionHint", KRAKOW);
    Offer toCid = offerOf(rig, krakow);
    assertThat(toCid.reason()).startsWith("step 'Same region': cid, highest proficiency (5)");
    Interaction accepted = rig.desk.accept(toCid.id(), "cid");
    assertThat(rig.interactions.steps(accepted.id())).filteredOn(step -> "connected".equals(step.port())).singleElement()
        .as("the step log names the agent").extracting(step -> step.actor()).isEqualTo("cid");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void higherPriorityIsOfferedFirst(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    start(rig, KRAKOW, Map.of());
    rig.advance(Duration.ofSeconds(5));
    String gold = start(rig, KRAKOW, Map.of("tier", "gold"));
    rig.available("cid");
    rig.offering.round();
    assertThat(offerOf(rig, gold).username()).as("gold first although it waits less").isEqualTo("cid");
    assertThat(rig.interactions.get(gold).priority()).isEqualTo("8");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theNextWiderStepAppliesWhenTheFirstOnesTimeIsUp(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.available("cid");
    String warsaw = start(rig, WARSAW, Map.of());
    rig.offering.round();
    assertThat(rig.desk.offers("cid")).as("first step: only agents serving Warsaw").isEmpty();
    Map<String, Object> first = rig.routing.routing(warsaw);
    assertThat(first.get("decisions")).as("no offer, no decision kept").isEqualTo(List.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rig.routing.routing("no-such-interaction"))
        .isInstanceOf(io.switchboard.runtime.service.NotFoundException.class);
    rig.advance(Duration.ofSeconds(60));
    rig.desk.seen("cid");
    rig.offering.round();
    assertThat(offerOf(rig, warsaw).username()).isEqualTo("cid");
    assertThat(lastDecision(rig, warsaw).get("step")).isEqualTo("Any region with the skill");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anOverloadedOrAbsentAgentsWorkGoesToTheirSubstitute(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.available("ann", "bob", "cid");
    String busy = start(rig, WARSAW, Map.of());
    rig.offering.round();
    rig.desk.accept(offerOf(rig, busy).id(), "ann");
    assertThat(rig.desk.me("ann").active()).containsEntry("message", 1);

    String forAnn = start(rig, WARSAW, Map.of("manager", "ann"));
    rig.offering.round();
    assertThat(offerOf(rig, forAnn).username()).as("ann holds her one chat: her substitute").isEqualTo("cid");
    assertThat(String.valueOf(lastDecision(rig, forAnn).get("reason")))
        .isEqualTo("step 'Same region': cid, substitute of ann, who is at capacity for message");
    rig.desk.decline(offerOf(rig, forAnn).id(), "cid");

    rig.desk.end(busy, "ann");
    long now = rig.clock.millis();
    rig.routing.addAbsence("ann", now - 1000, now + 3_600_000, "sick", "supervisor");
    rig.offering.round();
    assertThat(offerOf(rig, forAnn).username()).as("ann is free but sick: her substitute again").isEqualTo("cid");
    Map<String, Object> decision = lastDecision(rig, forAnn);
    assertThat(String.valueOf(decision.get("reason"))).contains("substitute of ann, who is absent (sick) until");
    assertThat(excluded(decision, "ann")).startsWith("absent (sick) until");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theSimulatorAgreesWithTheLiveRouterAndChangesNothing(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.available("ann", "bob", "cid", "dan");
    Map<String, Object> requirements = Map.of("skills", List.of(Map.of("skill", "product:router", "minLevel", 3,
        "required", true)), "steps", List.of(Map.of("label", "Same region", "seconds", 60, "sameRegion", true),
        Map.of("label", "Any region with the skill")));
    Map<String, Object> simulated = rig.routing.simulate(new RoutingService.Simulation("support", "chat", KRAKOW, null,
        null, null, requirements, 0, null));
    assertThat(rig.desk.offers("cid")).as("nothing offered by simulating").isEmpty();
    String live = start(rig, KRAKOW, Map.of());
    rig.offering.round();
    assertThat(offerOf(rig, live).username()).isEqualTo(simulated.get("chosen")).isEqualTo("cid");
    assertThat(lastDecision(rig, live).get("considered")).isEqualTo(simulated.get("considered"));

    Map<String, Object> whatIf = rig.routing.simulate(new RoutingService.Simulation("support", "chat", KRAKOW, null, null,
        null, requirements, 0, List.of(new RoutingService.SimulatedAgent("cid", null, null, null, null, null, null,
            "on leave"))));
    assertThat(whatIf.get("chosen")).as("with cid on leave nobody in Kraków has the skill").isNull();
    assertThat(excluded(whatIf, "cid")).startsWith("absent (on leave)");
    Map<String, Object> later = rig.routing.simulate(new RoutingService.Simulation("support", "chat", KRAKOW, null, null,
        null, requirements, 61, List.of(new RoutingService.SimulatedAgent("cid", null, null, null, null, null, null,
            "on leave"))));
    assertThat(later.get("chosen")).as("after a minute any region: ann").isEqualTo("ann");
  }
}
