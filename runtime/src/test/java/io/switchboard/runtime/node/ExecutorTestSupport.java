package io.switchboard.runtime.node;

import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.engine.TinyFlow;
import java.util.List;
import java.util.Map;

/** Runs one executor inside a tiny flow. */
abstract class ExecutorTestSupport {
  protected final Engine engine = new Engine();
  protected CompiledFlow flow;

  protected Interaction run(String channel, String variables, String nodes, String edges, Map<String, Object> trigger,
      Map<String, Object> initial) {
    flow = engine.compile(TinyFlow.of(channel, variables, nodes, edges));
    return engine.start(flow, channel, trigger, initial);
  }

  protected Interaction run(String variables, String nodes, String edges) {
    return run("message", variables, nodes, edges, Map.of(), Map.of());
  }

  protected List<StepRecord> steps(Interaction interaction) {
    return engine.store.steps(interaction.id());
  }

  protected StepRecord step(Interaction interaction, String nodeId) {
    return steps(interaction).stream().filter(s -> s.nodeId().equals(nodeId)).reduce((a, b) -> b).orElseThrow();
  }
}
