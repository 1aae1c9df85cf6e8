package io.switchboard.runtime.service;

import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import io.switchboard.runtime.connector.DataStep;
import io.switchboard.runtime.connector.DataStepCatalog;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.connector.ResponseMapping;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.FlowCompiler;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionDefaults;
import io.switchboard.runtime.engine.Interpreter;
import io.switchboard.runtime.engine.RuntimeServices;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.expr.JavaScriptSandbox;
import io.switchboard.runtime.failure.Result;
import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.node.knowledge.KnowledgeLookup;
import io.switchboard.runtime.store.InMemoryInteractionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run of a draft for its designer, through the same {@link InteractionService} and interpreter as
 * a real interaction, with the application's step limit. Only the surroundings differ: the store is
 * in memory and its outbox only records (nothing is published, stored or sent), time is the run's own
 * so that a timer can be let run out at once, and fetch nodes can be answered from a sample response
 * instead of calling their data step.
 */
public final class TestRun {
  /** Who takes a test run's interaction from a queue. */
  public static final String TEST_AGENT = "test-agent";
  private static final int SIMULATED_WAIT_SECONDS = 300;

  private final InteractionService service;
  private final InMemoryInteractionStore store;
  private final RunClock clock;
  private final Map<String, Object> initial;
  private Interaction interaction;

  private TestRun(InteractionService service, InMemoryInteractionStore store, RunClock clock, Interaction interaction,
      Map<String, Object> initial) {
    this.service = service;
    this.store = store;
    this.clock = clock;
    this.interaction = interaction;
    this.initial = initial;
  }

  /** Stands in for a data step with a sample answer, mapped as the real step maps its own. */
  private record SampleAnswer(Object answer, ResponseMapping outputs) implements DataStep {
    @Override
    public Result<Object> call(Map<String, Object> input) {
      return Result.ok(answer);
    }
  }

  /** Builds test runs; one per application. */
  public static final class Factory {
    private final JavaScriptSandbox sandbox;
    private final DataStepCatalog dataSteps;
    private final HttpFetcher http;
    private final Clock clock;
    private final int maxAutomaticSteps;
    private final KnowledgeLookup knowledge;

    public Factory(JavaScriptSandbox sandbox, DataStepCatalog dataSteps, HttpFetcher http, Clock clock,
        int maxAutomaticSteps) {
      this(sandbox, dataSteps, http, clock, maxAutomaticSteps, KnowledgeLookup.NONE);
    }

    /** @param knowledge the knowledge base a test run's knowledge steps search (the real one: searching changes nothing) */
    public Factory(JavaScriptSandbox sandbox, DataStepCatalog dataSteps, HttpFetcher http, Clock clock,
        int maxAutomaticSteps, KnowledgeLookup knowledge) {
      this.sandbox = sandbox;
      this.dataSteps = dataSteps;
      this.http = http;
      this.clock = clock;
      this.maxAutomaticSteps = maxAutomaticSteps;
      this.knowledge = knowledge;
    }

    /**
     * Starts a run of a draft.
     *
     * @param samples JSON answers by fetch node id; those nodes use them instead of their data step
     */
    public TestRun start(FlowDocument draft, String from, String to, Map<String, Object> data, Map<String, Object> samples) {
      CompiledFlow flow = new FlowCompiler(sandbox, withSamples(draft, samples), http).compile(sampled(draft, samples), 0);
      RunClock runClock = new RunClock(clock.millis());
      InMemoryInteractionStore store = new InMemoryInteractionStore(runClock);
      Ids ids = new Ids();
      // every queue exists in a test run, with a stand-in agent able to take anything
      Interpreter interpreter = new Interpreter(new RuntimeServices(runClock, ids, store, queue -> java.util.Optional.of(
          new io.switchboard.runtime.node.QueueInfo(queue, SIMULATED_WAIT_SECONDS,
              List.of(new io.switchboard.runtime.node.QueueInfo.Member(TEST_AGENT, Map.of(), true)))), knowledge),
          maxAutomaticSteps);
      InteractionService service = new InteractionService(RunnableFlows.only(flow), store, interpreter, ids, runClock, () -> {},
          id -> List.of());
      Interaction started = service.start(new StartRequest(flow.id(), flow.channel(), from, to, Map.of(), data, null));
      return new TestRun(service, store, runClock, started, InteractionDefaults.variables(flow.document()));
    }

    private DataStepCatalog withSamples(FlowDocument draft, Map<String, Object> samples) {
      DataStepCatalog catalog = dataSteps.copy();
      for (FlowNode node : draft.nodes()) {
        if (isSampled(node, samples)) {
          var outputs = dataSteps.find(node.config().path("step").asString("")).map(DataStep::outputs)
              .orElse(ResponseMapping.NONE);
          catalog.register(sampleStep(node), new SampleAnswer(samples.get(node.id()), outputs));
        }
      }
      return catalog;
    }

    private static FlowDocument sampled(FlowDocument draft, Map<String, Object> samples) {
      List<FlowNode> nodes = new ArrayList<>();
      for (FlowNode node : draft.nodes()) {
        if (isSampled(node, samples)) {
          ObjectNode config = ((ObjectNode) node.config()).deepCopy();
          config.remove("request");
          config.put("step", sampleStep(node));
          nodes.add(new FlowNode(node.id(), node.type(), node.label(), config));
        } else {
          nodes.add(node);
        }
      }
      return new FlowDocument(draft.format(), draft.id(), draft.name(), draft.description(), draft.variables(), nodes,
          draft.edges(), draft.layout());
    }

    private static boolean isSampled(FlowNode node, Map<String, Object> samples) {
      return NodeType.FETCH.id().equals(node.type()) && samples.containsKey(node.id());
    }

    private static String sampleStep(FlowNode node) {
      return "sample-" + node.id();
    }
  }

  /** The run's own time: the real time it started at, moved on only when a timer is let run out. */
  private static final class RunClock extends Clock {
    private volatile long millis;

    RunClock(long millis) {
      this.millis = millis;
    }

    void advanceTo(long deadline) {
      millis = Math.max(millis, deadline);
    }

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a test run keeps UTC");
    }
  }

  public Interaction interaction() {
    return interaction;
  }

  public List<StepRecord> steps() {
    return store.steps(interaction.id());
  }

  /**
   * The first step that met a failure, handled by an error port or not: what a designer wants to see
   * first, even when the flow went on to an end.
   */
  public java.util.Optional<StepRecord> failedStep() {
    return steps().stream().filter(step -> step.error() != null).findFirst();
  }

  /** What the run asked the world for (e-mails, alerts, cases), kept rather than done; a simulated acceptance is none. */
  public List<Effect> effects() {
    return store.effects().stream().filter(e -> !(e instanceof Effect.AgentAssigned)).toList();
  }

  public void answer(String answer, Map<String, Object> fields) {
    interaction = service.answer(interaction.id(), new Resume.AgentAnswer(interaction.currentNode(), answer, fields));
  }

  public void event(String name, Object data) {
    interaction = service.event(interaction.id(), name, data);
  }

  /** The stand-in agent accepts the interaction waiting in a queue. */
  public void acceptAsAgent() {
    interaction = service.assign(interaction.id(), new Resume.AgentAssigned(TEST_AGENT, "test-run", null));
  }

  public void callStatus(String status) {
    interaction = service.callStatus(interaction.id(), status);
  }

  /** Lets the waiting node's time run out now, as the timer service would once its deadline passed. */
  public void fireTimer() {
    Long deadline = interaction.waiting() == null ? null : interaction.waiting().deadline();
    if (deadline == null) {
      throw new ConflictException("the run does not wait for a deadline");
    }
    clock.advanceTo(deadline);
    service.fireTimer(interaction.id());
    interaction = service.get(interaction.id());
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
