package io.switchboard.designer.flows.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.json.FlowJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodePortsTest {
  @Test
  void eachNodeGetsThePortsItsSchemaResolvesFromItsConfig() {
    var document = FlowJson.readTree("""
        {"nodes": [
          {"id": "start", "type": "trigger", "config": {"channel": "voice"}},
          {"id": "vip", "type": "branch", "config": {"cases": [{"port": "gold", "when": "x"}, {"port": "silver", "when": "y"}]}},
          {"id": "ask", "type": "script"},
          {"id": "odd", "type": "no-such-type"}
        ]}""");
    assertThat(NodePorts.of(document)).containsExactly(Map.entry("start", List.of("next")),
        Map.entry("vip", List.of("gold", "silver", "else")), Map.entry("ask", List.of()), Map.entry("odd", List.of()));
  }

  @Test
  void aPaletteEntryStartsWithThePortsOfTheConfigItDrops() {
    PaletteEntry branch = PaletteEntry.all().stream().filter(e -> e.type().equals("branch")).findFirst().orElseThrow();
    assertThat(branch.ports()).containsExactly("else");
    PaletteEntry twoCases = branch.preset("branch:two", "Two cases", "", FlowJson.readTree(
        "{\"cases\": [{\"port\": \"a\", \"when\": \"x\"}, {\"port\": \"b\", \"when\": \"y\"}]}"));
    assertThat(twoCases.ports()).containsExactly("a", "b", "else");
  }
}
