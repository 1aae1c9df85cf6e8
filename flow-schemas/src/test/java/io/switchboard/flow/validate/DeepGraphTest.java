package io.switchboard.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.analysis.VariableScope;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.schema.NodeTypeCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graphs far deeper than a thread's stack: the limit refuses them, and every walk is iterative. */
class DeepGraphTest {
  private final FlowValidator validator = new FlowValidator();

  /** A trigger, then {@code nodes - 2} set nodes one after another, then an end; the last set loops back when asked. */
  private static String chain(int nodes, boolean loop) {
    StringBuilder json = new StringBuilder("""
        {"format": "switchboard.flow/1", "id": "deep", "name": "Deep", "variables": [{"name": "x", "type": "number", "default": 0}],
         "nodes": [{"id": "t", "type": "trigger", "config": {"channel": "voice", "address": "+48221234567"}}""");
    for (int i = 1; i <= nodes - 2; i++) {
      json.append(",{\"id\": \"s").append(i).append("\", \"type\": \"set\", \"config\": {\"assignments\": {\"x\": \"x + 1\"}}}");
    }
    json.append(",{\"id\": \"e\", \"type\": \"end\", \"config\": {\"outcome\": \"done\"}}], \"edges\": [");
    List<String> edges = new ArrayList<>();
    edges.add(edge("t", "next", "s1"));
    for (int i = 1; i < nodes - 2; i++) {
      edges.add(edge("s" + i, "next", "s" + (i + 1)));
    }
    edges.add(edge("s" + (nodes - 2), "next", loop ? "s1" : "e"));
    return json.append(String.join(",", edges)).append("]}").toString();
  }

  private static String edge(String from, String port, String to) {
    return "{\"from\": \"" + from + "\", \"port\": \"" + port + "\", \"to\": \"" + to + "\"}";
  }

  @Test
  void theLimitIsTheFlowSchemasMaxItems() {
    assertThat(NodeTypeCatalog.get().maxNodes()).isEqualTo(2000);
  }

  @Test
  void aTenThousandNodeChainIsRefusedWithAProblemNamingTheLimit() {
    ValidationResult result = validator.validate(chain(10_000, false));

    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/nodes");
      assertThat(p.message()).isEqualTo("The flow has 10000 nodes; a flow can have at most 2000. Split it into smaller flows.");
    });
  }

  @Test
  void aChainAtTheLimitValidates() {
    long start = System.nanoTime();
    ValidationResult result = validator.validate(chain(2000, false));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(result.problems()).isEmpty();
    System.out.println("a chain of 2000 nodes validated in " + millis + " ms"); // for the curious; no assertion on time
  }

  @Test
  void theCycleCheckFollowsATenThousandNodeLoopWithoutRecursion() {
    FlowDocument loop = FlowJson.read(chain(10_000, true));
    List<Problem> problems = new ArrayList<>();

    new AutomaticCycleRule().check(new FlowGraph(loop), problems);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.nodeId()).isEqualTo("s1");
      assertThat(p.message()).startsWith("Set variables: the steps Set variables → Set variables")
          .contains(" and 9993 more form a loop with no step that waits");
    });
  }

  @Test
  void theUpstreamWalkFollowsATenThousandNodeChain() {
    FlowDocument deep = FlowJson.read(chain(10_000, false));

    assertThat(VariableScope.upstreamOf(deep, "e")).hasSize(9_999);
    assertThat(VariableScope.availableAt(deep, "e")).containsExactly("x");
  }
}
