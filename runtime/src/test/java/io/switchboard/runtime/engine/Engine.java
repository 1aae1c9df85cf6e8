package io.switchboard.runtime.engine;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.validate.FlowValidator;
import io.switchboard.flow.validate.ValidationResult;
import io.switchboard.runtime.connector.DataStepCatalog;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.expr.JavaScriptSandbox;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.engine.RuntimeServices;
import io.switchboard.runtime.store.InMemoryInteractionStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine without Spring or a database, for executor and scenario tests: compiles a flow, starts
 * and resumes interactions, keeps them in memory.
 */
public final class Engine {
  private static final JavaScriptSandbox SANDBOX = new JavaScriptSandbox();

  public final DataStepCatalog dataSteps = new DataStepCatalog();
  public final InMemoryInteractionStore store;
  private final MutableClock clock;
  private final Interpreter interpreter;
  private final Ids ids = new Ids();

  public Engine() {
    this(new MutableClock());
  }

  public Engine(MutableClock clock) {
    this(clock, queue -> java.util.Optional.empty());
  }

  /** An engine that knows these desk queues (the rest are the provider's). */
  public Engine(MutableClock clock, RuntimeServices.QueueLookup queues) {
    this(clock, queues, io.switchboard.runtime.node.knowledge.KnowledgeLookup.NONE);
  }

  /** An engine that knows these desk queues and searches this knowledge base. */
  public Engine(MutableClock clock, RuntimeServices.QueueLookup queues,
      io.switchboard.runtime.node.knowledge.KnowledgeLookup knowledge) {
    this.clock = clock;
    this.store = new InMemoryInteractionStore(clock);
    this.interpreter = new Interpreter(new RuntimeServices(clock, ids, store, queues, knowledge), 100);
  }

  public static JavaScriptSandbox sandbox() {
    return SANDBOX;
  }

  public MutableClock clock() {
    return clock;
  }

  /** Reads an example flow shipped by flow-schemas. */
  public static String example(String id) {
    try (InputStream in = Engine.class.getClassLoader().getResourceAsStream("examples/" + id + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Validates (with the JavaScript checker) and compiles; fails the test on any error. */
  public CompiledFlow compile(String json) {
    ValidationResult result = new FlowValidator(SANDBOX).validate(json);
    if (result.hasErrors()) {
      throw new AssertionError("flow has errors: " + result.errors());
    }
    FlowDocument document = FlowJson.read(json);
    return new FlowCompiler(SANDBOX, dataSteps, new HttpFetcher(io.switchboard.runtime.connector.OutboundGuard.allowing("127.0.0.1"))).compile(document, 1);
  }

  /** Compiles without validating: for flows the validator would refuse, to test the runtime's own guards. */
  public CompiledFlow compileUnchecked(String json) {
    return new FlowCompiler(SANDBOX, dataSteps, new HttpFetcher(io.switchboard.runtime.connector.OutboundGuard.allowing("127.0.0.1"))).compile(FlowJson.read(json), 1);
  }

  public Interaction start(CompiledFlow flow, String channel, Map<String, Object> trigger, Map<String, Object> variables) {
    return start(flow, channel, trigger, variables, false);
  }

  /** Starts as a message webhook does: replies go into the interaction's answers. */
  public Interaction startInConversation(CompiledFlow flow, String channel, Map<String, Object> trigger,
      Map<String, Object> variables) {
    return start(flow, channel, trigger, variables, true);
  }

  private Interaction start(CompiledFlow flow, String channel, Map<String, Object> trigger, Map<String, Object> variables,
      boolean answersInline) {
    Map<String, Object> triggerData = new LinkedHashMap<>(trigger);
    triggerData.putIfAbsent("channel", channel);
    Map<String, Object> initial = InteractionDefaults.variables(flow.document());
    initial.putAll(variables);
    Interaction interaction = new Interaction(ids.next(), flow.id(), flow.version(), channel, triggerData, initial, clock.millis());
    if (answersInline) {
      interaction.answerInline();
    }
    interpreter.start(flow, interaction);
    store.save(interaction);
    return interaction;
  }

  /** Resumes an interaction whose input the test expects to fit. */
  public Interaction resume(CompiledFlow flow, Interaction interaction, Resume input) {
    interpreter.resume(flow, interaction, input).ifPresent(r -> {
      throw new AssertionError("the input was refused: " + r.message());
    });
    store.save(interaction);
    return interaction;
  }

  /** Offers input the test expects to be refused: the rejection, or none when it was taken. */
  public java.util.Optional<io.switchboard.runtime.node.Rejection> refusal(CompiledFlow flow, Interaction interaction,
      Resume input) {
    return interpreter.resume(flow, interaction, input);
  }

  /** A clock the test moves by hand, also while background threads read it. */
  public static final class MutableClock extends Clock {
    private volatile long millis = 1_800_000_000_000L;

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.ofEpochMilli(millis);
    }

    public synchronized void advanceMillis(long delta) {
      millis += delta;
    }

    public synchronized void advanceSeconds(long seconds) {
      millis += seconds * 1000;
    }
  }
}
