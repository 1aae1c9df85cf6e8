package io.switchboard.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.json.FlowJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A problem's one-click fix, applied to the document, makes the problem go away and changes nothing else. */
class FixesTest {
  private static final String FLOW = """
      {"format": "switchboard.flow/1", "id": "fixes", "name": "Fixes",
       "variables": [{"name": "tier", "type": "string"}],
       "nodes": [
         {"id": "trigger", "type": "trigger", "label": "Start", "config": {"channel": "voice"}},
         {"id": "check", "type": "branch", "label": "Check customer tier",
          "config": {"cases": [{"port": "gold", "when": "tier == 'gold' && customer.vip"}]}},
         {"id": "done", "type": "end", "label": "Done"}
       ],
       "edges": [
         {"from": "trigger", "port": "next", "to": "check"},
         {"from": "check", "port": "gold", "to": "done"}
       ],
       "layout": {"trigger": {"x": 0, "y": 0}, "check": {"x": 280, "y": 0}, "done": {"x": 560, "y": 0}}}
      """;

  private final FlowValidator validator = new FlowValidator();

  private List<Problem> problems(JsonNode document) {
    return validator.validate(document).problems();
  }

  private Problem withFix(JsonNode document, Fix.Kind kind) {
    return problems(document).stream().filter(p -> p.fix() != null && p.fix().kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void anUndeclaredVariableIsDeclaredAsAnObjectWhenItsMembersAreRead() {
    JsonNode flow = FlowJson.readTree(FLOW);
    Problem undeclared = withFix(flow, Fix.Kind.declareVariable);
    assertThat(undeclared.message()).isEqualTo("Check customer tier: uses 'customer', which is not a declared variable; "
        + "declare it in the flow's variables.");
    assertThat(undeclared.fix().label()).isEqualTo("Declare variable customer");

    JsonNode fixed = Fixes.apply(flow, undeclared.fix());

    assertThat(fixed.path("variables").toString()).isEqualTo(
        "[{\"name\":\"tier\",\"type\":\"string\"},{\"name\":\"customer\",\"type\":\"object\"}]");
    assertThat(problems(fixed)).noneMatch(p -> p.message().contains("'customer'"));
    assertThat(flow.path("variables").size()).as("the given document is left as it was").isEqualTo(1);
    assertThat(Fixes.apply(fixed, undeclared.fix())).as("applied twice, it declares once").isEqualTo(fixed);
  }

  @Test
  void anUnconnectedPathIsConnectedToANewEndPlacedToTheRightOfItsNode() {
    JsonNode flow = FlowJson.readTree(FLOW);
    Problem open = withFix(flow, Fix.Kind.connectToEnd);
    assertThat(open.message()).isEqualTo("Check customer tier: nothing is connected to its “else” path; the interaction "
        + "ends when it takes this path.");
    assertThat(open.fix().label()).isEqualTo("Connect “else” to a new End");

    JsonNode fixed = Fixes.apply(flow, open.fix());

    assertThat(fixed.path("nodes").path(3).toString()).isEqualTo("{\"id\":\"end1\",\"type\":\"end\",\"config\":{}}");
    assertThat(fixed.path("edges").path(2).toString()).isEqualTo("{\"from\":\"check\",\"port\":\"else\",\"to\":\"end1\"}");
    // right of the branch is the Done node already: the new End goes below it
    assertThat(fixed.path("layout").path("end1").toString()).isEqualTo("{\"x\":560,\"y\":120}");
    assertThat(problems(fixed)).noneMatch(p -> p.pointer().equals(open.pointer()) && p.message().contains("“else”"));
  }

  @Test
  void aConnectionToANodeThatIsGoneIsRemoved() {
    JsonNode flow = FlowJson.readTree(FLOW.replace("\"to\": \"done\"", "\"to\": \"gone\""));
    Problem dangling = withFix(flow, Fix.Kind.removeEdge);
    assertThat(dangling.message()).isEqualTo("Check customer tier: its “gold” path leads to a step 'gone' that does not "
        + "exist; remove the connection or connect it again.");

    JsonNode fixed = Fixes.apply(flow, dangling.fix());

    assertThat(fixed.path("edges").size()).isEqualTo(1);
    assertThat(problems(fixed)).noneMatch(p -> p.message().contains("'gone'"));
  }

  @Test
  void aNodeNoPathReachesIsRemovedWithItsConnectionsAndPosition() {
    JsonNode flow = FlowJson.readTree(FLOW.replace("{\"from\": \"check\", \"port\": \"gold\", \"to\": \"done\"}",
        "{\"from\": \"done\", \"port\": \"x\", \"to\": \"check\"}"));
    Problem unreachable = problems(flow).stream().filter(p -> "done".equals(p.nodeId()) && p.fix() != null).findFirst()
        .orElseThrow();
    assertThat(unreachable.fix().label()).isEqualTo("Remove Done");

    JsonNode fixed = Fixes.apply(flow, unreachable.fix());

    assertThat(fixed.path("nodes").size()).isEqualTo(2);
    assertThat(fixed.path("edges").size()).isEqualTo(1);
    assertThat(fixed.path("layout").has("done")).isFalse();
  }

  @Test
  void aFixTravelsAsJsonAndAProblemWithoutOneLooksAsBefore() {
    Problem plain = Problem.error("/nodes/1", "check", "Check customer tier: add at least one case");
    Problem fixable = plain.withFix(Fix.declareVariable("tier", "string"));

    assertThat(FlowJson.compact(plain)).isEqualTo("{\"severity\":\"error\",\"pointer\":\"/nodes/1\",\"nodeId\":\"check\","
        + "\"message\":\"Check customer tier: add at least one case\",\"error\":true}");
    assertThat(FlowJson.mapper().readValue(FlowJson.compact(fixable), Problem.class)).isEqualTo(fixable);
  }
}
