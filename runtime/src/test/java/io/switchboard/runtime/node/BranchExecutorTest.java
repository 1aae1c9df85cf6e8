package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.Interaction;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BranchExecutorTest extends ExecutorTestSupport {
  @ParameterizedTest
  @CsvSource({"gold, vip", "platinum, vip", "silver, mid", "basic, else", "'', else"})
  void takesTheFirstCaseThatHoldsElseTheDefault(String tier, String expectedPort) {
    Interaction it = run("message", """
        [{"name": "tier", "type": "string"}]""",
        """
        {"id": "b", "type": "branch", "config": {"cases": [
          {"port": "vip", "when": "tier == 'gold' || tier == 'platinum'"},
          {"port": "mid", "when": "['silver', 'bronze'].includes(tier)"}]}},
        {"id": "e1", "type": "end", "config": {"outcome": "vip"}},
        {"id": "e2", "type": "end", "config": {"outcome": "mid"}},
        {"id": "e3", "type": "end", "config": {"outcome": "else"}}""",
        """
        {"from": "t", "port": "next", "to": "b"}, {"from": "b", "port": "vip", "to": "e1"},
        {"from": "b", "port": "mid", "to": "e2"}, {"from": "b", "port": "else", "to": "e3"}""",
        Map.of(), Map.of("tier", tier));

    assertThat(step(it, "b").port()).isEqualTo(expectedPort);
    assertThat(it.outcome()).isEqualTo(expectedPort);
  }
}
