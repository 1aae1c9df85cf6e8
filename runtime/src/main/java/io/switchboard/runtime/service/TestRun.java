package io.switchboard.runtime.service;

import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import io.switchboard.runtime.connector.DataStep;
import io.switchboard.runtime.connector.DataStepCatalog;
import io.switchboard.runtime.connector.ResponseMapping;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.FlowCompiler;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionDefaults;
import io.switchboard.runtime.engine.Interpreter;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.expr.JavaScriptSandbox;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.node.RuntimeServices;
import io.switchboard.runtime.store.InMemoryInteractionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run of a draft for its designer: the real interpreter and executors, but kept in memory, so
 * nothing is published, stored or sent (e-mails stay in the run's outbox). Fetch nodes can be
 * answered from a sample response instead of calling their data step.
 */
public final class TestRun {
  private final CompiledFlow flow;
  private final Interpreter interpreter;
  private final InMemoryInteractionStore store;
  private final Interaction interaction;
  private final Map<String, Object> initial;

  private TestRun(CompiledFlow flow, Interpreter interpreter, InMemoryInteractionStore store, Interaction interaction) {
    this.flow = flow;
    this.interpreter = interpreter;
    this.store = store;
    this.interaction = interaction;
    this.initial = new LinkedHashMap<>(interaction.variables());
  }

  /** Builds test runs; one per application. */
  /** Stands in for a data step with a sample answer, mapped as the real step maps its own. */
  private record SampleAnswer(Object answer, ResponseMapping outputs) implements DataStep {
    @Override
    public Object call(Map<String, Object> input) {
      return answer;
    }
  }

  public static final class Factory {
    private final JavaScriptSandbox sandbox;
    private final DataStepCatalog dataSteps;
    private final HttpFetcher http;
    private final Clock clock;

    public Factory(JavaScriptSandbox sandbox, DataStepCatalog dataSteps, HttpFetcher http, Clock clock) {
      this.sandbox = sandbox;
      this.dataSteps = dataSteps;
      this.http = http;
      this.clock = clock;
    }

    /**
     * Starts a run of a draft.
     *
     * @param samples JSON answers by fetch node id; those nodes use them instead of their data step
     */
    public TestRun start(FlowDocument draft, String from, String to, Map<String, Object> data, Map<String, Object> samples) {
      DataStepCatalog catalog = dataSteps.copy();
      List<FlowNode> nodes = new ArrayList<>();
      for (FlowNode node : draft.nodes()) {
        if (NodeType.FETCH.id().equals(node.type()) && samples.containsKey(node.id())) {
          String sampleStep = "sample-" + node.id();
          Object answer = samples.get(node.id());
          var outputs = dataSteps.find(node.config().path("step").asString("")).map(DataStep::outputs)
              .orElse(ResponseMapping.NONE);
          catalog.register(sampleStep, new SampleAnswer(answer, outputs));
          ObjectNode config = ((ObjectNode) node.config()).deepCopy();
          config.remove("request");
          config.put("step", sampleStep);
          nodes.add(new FlowNode(node.id(), node.type(), node.label(), config));
        } else {
          nodes.add(node);
        }
      }
      FlowDocument document = new FlowDocument(draft.format(), draft.id(), draft.name(), draft.description(),
          draft.variables(), nodes, draft.edges(), draft.layout());
      CompiledFlow flow = new FlowCompiler(sandbox, catalog, http).compile(document, 0);
      InMemoryInteractionStore store = new InMemoryInteractionStore(clock);
      Ids ids = new Ids();
      Interpreter interpreter = new Interpreter(new RuntimeServices(clock, ids, store), 1000);
      String channel = flow.channel();
      Interaction interaction = new Interaction(ids.next(), document.id(), 0, channel,
          InteractionDefaults.trigger(channel, from, to, data), InteractionDefaults.variables(document), clock.millis());
      TestRun run = new TestRun(flow, interpreter, store, interaction);
      interpreter.start(flow, interaction);
      store.save(interaction);
      return run;
    }
  }

  public Interaction interaction() {
    return interaction;
  }

  public List<StepRecord> steps() {
    return store.steps(interaction.id());
  }

  /** What went into the run's outbox (nothing is delivered). */
  public List<io.switchboard.runtime.engine.Effect> effects() {
    return store.effects();
  }

  public void answer(String answer, Map<String, Object> fields) {
    resume(new Resume.AgentAnswer(interaction.currentNode(), answer, fields));
  }

  public void event(String name, Object data) {
    resume(new Resume.EventArrived(name, data));
  }

  public void callStatus(String status) {
    resume(new Resume.CallStatus(status));
  }

  /** Lets the waiting node's time run out now. */
  public void fireTimer() {
    resume(new Resume.TimerFired());
  }

  private void resume(Resume input) {
    interpreter.resume(flow, interaction, input);
    store.save(interaction);
  }

  /** The variables before each step, by sequence number, rebuilt from the changes the steps logged. */
  public Map<Integer, Map<String, Object>> variablesBefore() {
    Map<Integer, Map<String, Object>> before = new LinkedHashMap<>();
    Map<String, Object> current = new LinkedHashMap<>(initial);
    for (StepRecord step : steps()) {
      before.put(step.seq(), new LinkedHashMap<>(current));
      current.putAll(step.changes());
    }
    return before;
  }
}
