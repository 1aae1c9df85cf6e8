package io.switchboard.runtime.service;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.VariableDefinition;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionDefaults;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.Interpreter;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.node.QueueInfo;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.model.Delivery;
import io.switchboard.runtime.node.Rejection;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.store.ConcurrentUpdateException;
import io.switchboard.runtime.store.InteractionStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Starts interactions and feeds them their inputs. Each call loads, runs the interpreter to the next
 * wait or end, and saves in one transaction; it answers only after that commit. Input that does not
 * fit is refused before anything changes.
 */
public final class InteractionService {
  private static final int MAX_VARIABLES_CHARS = 256 * 1024;
  /** A caller's or callee's address: an e-mail address at most, as the trigger addresses are stored. */
  private static final int MAX_ADDRESS_CHARS = 320;
  /** The provider's reference, as the store keeps it. */
  private static final int MAX_EXTERNAL_REF_CHARS = 100;

  private final RunnableFlows flows;
  private final InteractionStore store;
  private final Interpreter interpreter;
  private final Ids ids;
  private final Clock clock;
  private final Runnable afterCommitWithOutbox;
  private final DeliveryLog deliveries;

  public InteractionService(RunnableFlows flows, InteractionStore store, Interpreter interpreter, Ids ids, Clock clock,
      Runnable afterCommitWithOutbox, DeliveryLog deliveries) {
    this.flows = flows;
    this.store = store;
    this.interpreter = interpreter;
    this.ids = ids;
    this.clock = clock;
    this.afterCommitWithOutbox = afterCommitWithOutbox;
    this.deliveries = deliveries;
  }

  public Interaction start(StartRequest request) {
    return start(request, false);
  }

  /**
   * Starts an interaction inside a request that answers the customer itself (an inbound text
   * message's webhook): what its reply steps say until it waits or ends is in {@link Interaction#answers()}.
   */
  public Interaction startInConversation(StartRequest request) {
    return start(request, true);
  }

  private Interaction start(StartRequest request, boolean answersInline) {
    if (request.flowId() == null || request.flowId().isBlank()) {
      throw new BadRequestException("flowId is required");
    }
    checkLength("from", request.from(), MAX_ADDRESS_CHARS);
    checkLength("to", request.to(), MAX_ADDRESS_CHARS);
    checkLength("the provider's call reference (CallSid)", request.externalRef(), MAX_EXTERNAL_REF_CHARS);
    if (!request.data().isEmpty() && FlowJson.compact(request.data()).length() > MAX_VARIABLES_CHARS) {
      throw new BadRequestException("the trigger data is larger than " + MAX_VARIABLES_CHARS + " characters of JSON");
    }
    CompiledFlow flow = flows.latest(request.flowId());
    String channel = flow.channel();
    if (request.channel() != null && !request.channel().equals(channel)) {
      throw new BadRequestException("the flow '" + flow.id() + "' answers the " + channel + " channel, not "
          + request.channel());
    }
    Interaction interaction = new Interaction(ids.next(), flow.id(), flow.version(), channel,
        InteractionDefaults.trigger(channel, request.from(), request.to(), request.data()),
        initialVariables(flow.document(), request.variables()), clock.millis());
    interaction.externalRef(request.externalRef());
    if (answersInline) {
      interaction.answerInline();
    }
    interpreter.start(flow, interaction);
    save(interaction);
    return interaction;
  }

  /** An agent's answer to the script step the interaction waits at. */
  public Interaction answer(String id, Resume.AgentAnswer answer) {
    return resume(id, waiting -> {
      if (waiting.kind() != Waiting.Kind.agent_answer) {
        return refused("the interaction waits for " + waitsFor(waiting) + ", not for an agent's answer", true);
      }
      if (answer.nodeId() == null || !answer.nodeId().equals(waiting.nodeId())) {
        return refused("the interaction waits at step '" + waiting.nodeId() + "', not '" + answer.nodeId() + "'", true);
      }
      if (answer.answer() == null || answer.answer().isBlank()) {
        return refused("answer is required", false);
      }
      return Input.of(answer);
    });
  }

  /** An agent accepted the interaction waiting in a queue; saved only if the offer is still open. */
  public Interaction assign(String id, Resume.AgentAssigned accepted) {
    return resume(id, waiting -> waiting.kind() == Waiting.Kind.queue
        ? Input.of(accepted)
        : refused("the interaction waits for " + waitsFor(waiting) + ", not in a queue", true));
  }

  /**
   * Puts an interaction that waits at an agent step back into a queue (a transfer): the agent lets it
   * go, and whoever accepts it next continues at the same step. {@code preferredAgent} is offered it first.
   */
  public Interaction requeue(String id, String actor, QueueInfo queue, String preferredAgent) {
    Interaction interaction = get(id);
    Waiting waiting = interaction.waiting();
    if (interaction.status() != InteractionStatus.waiting || waiting.kind() != Waiting.Kind.agent_answer) {
      throw new ConflictException("only an interaction waiting at an agent step can be transferred; this one is "
          + interaction.status());
    }
    Map<String, Object> details = new java.util.LinkedHashMap<>(waiting.details());
    details.put("queue", queue.id());
    if (preferredAgent != null) {
      details.put("preferredAgent", preferredAgent);
    }
    logAction(interaction, "transferred to " + (preferredAgent != null ? "agent " + preferredAgent : "queue " + queue.id()),
        actor);
    interaction.assign(null);
    interaction.queue(queue.id());
    interaction.await(new Waiting(waiting.nodeId(), Waiting.Kind.queue, clock.millis() + queue.maxWaitSeconds() * 1000L,
        null, details));
    save(interaction);
    return interaction;
  }

  /** An agent ended the interaction: it stops where it is, unless it already finished. */
  public Interaction endByAgent(String id, String actor) {
    Interaction interaction = get(id);
    if (interaction.status() == InteractionStatus.waiting || interaction.status() == InteractionStatus.running) {
      logAction(interaction, "ended by the agent", actor);
      interaction.cancel("ended by " + actor);
      save(interaction);
    }
    return interaction;
  }

  /**
   * Takes the interaction back to the agent step before the one it waits at, when the step allows it
   * and nothing happened in between that cannot be taken back: only branches and variables lie
   * between (no lookup, e-mail, case or escalation). The variables stay as they are.
   */
  public Interaction back(String id, String actor) {
    Interaction interaction = get(id);
    Waiting waiting = interaction.waiting();
    if (interaction.status() != InteractionStatus.waiting || waiting.kind() != Waiting.Kind.agent_answer) {
      throw new ConflictException("only an interaction waiting at an agent step can go back");
    }
    if (Boolean.FALSE.equals(waiting.details().get("allowBack"))) {
      throw new ConflictException("the step '" + waiting.nodeId() + "' does not let the agent go back");
    }
    java.util.List<StepRecord> steps = store.steps(id);
    String target = null;
    for (int i = steps.size() - 1; i >= 0 && target == null; i--) {
      StepRecord step = steps.get(i);
      boolean scriptWait = step.nodeType().equals("script") && step.port() == null;
      if (step.nodeType().equals("trigger")) {
        break;
      }
      if (step.nodeType().equals("script") && step.port() != null) {
        target = step.nodeId();
      } else if (!scriptWait && !step.changes().containsKey("agentAction")
          && !java.util.Set.of("branch", "set").contains(step.nodeType())) {
        throw new ConflictException("going back would skip over step '" + step.nodeId() + "' (" + step.nodeType()
            + "), which cannot be undone");
      }
    }
    if (target == null) {
      throw new ConflictException("there is no earlier agent step to go back to");
    }
    logAction(interaction, "went back to step " + target, actor);
    interpreter.rewind(flows.compiled(interaction.flowId(), interaction.flowVersion()), interaction, target);
    save(interaction);
    return interaction;
  }

  /** Records what an agent did (hold, resume, …) in the step log, at the step the interaction is at. */
  public Interaction agentAction(String id, String action, String actor) {
    Interaction interaction = get(id);
    logAction(interaction, action, actor);
    save(interaction);
    return interaction;
  }

  private void logAction(Interaction interaction, String action, String actor) {
    logAtCurrentStep(interaction, Map.of("agentAction", action), actor);
  }

  /** A step-log entry at the step the interaction is at, for something that happened without moving the flow. */
  private void logAtCurrentStep(Interaction interaction, Map<String, Object> what, String actor) {
    String node = interaction.currentNode();
    String type = node == null ? "trigger"
        : flows.compiled(interaction.flowId(), interaction.flowVersion()).node(node).type().id();
    long micros = clock.millis() * 1000;
    interaction.log(new StepRecord(interaction.nextSeq(), node == null ? "-" : node, type, null, micros, 0,
        what, null, null, actor));
  }

  /** A named external event (a customer's reply, an API signal). */
  public Interaction event(String id, String name, Object data) {
    return event(id, name, data, false);
  }

  /**
   * A customer's next message as an event, inside the request that answers them (an inbound text
   * message's webhook): what the reply steps say until the interaction waits again is in
   * {@link Interaction#answers()}.
   */
  public Interaction eventInConversation(String id, String name, Object data) {
    return event(id, name, data, true);
  }

  private Interaction event(String id, String name, Object data, boolean answersInline) {
    return resume(id, waiting -> waiting.kind() == Waiting.Kind.event
        ? Input.of(new Resume.EventArrived(name, data))
        : refused("the interaction waits for " + waitsFor(waiting) + ", not for an event", true), answersInline);
  }

  /**
   * What a customer wrote while their interaction was not waiting for it (e.g. while it waits in a
   * queue for an agent): kept in the step log at the step the interaction is at, the flow unmoved.
   */
  public Interaction customerMessage(String id, String text, String customer) {
    Interaction interaction = get(id);
    logAtCurrentStep(interaction, Map.of("customerMessage", text), customer);
    save(interaction);
    return interaction;
  }

  /** The telephony provider's report on a forwarded call. */
  public Interaction callStatus(String id, String status) {
    return resume(id, waiting -> waiting.kind() == Waiting.Kind.call_status
        ? Input.of(new Resume.CallStatus(status))
        : refused("the interaction does not wait for a call status", true));
  }

  /** Resumes an interaction whose deadline passed; false when it no longer waits for that deadline. */
  public boolean fireTimer(String id) {
    Optional<Interaction> found = store.find(id);
    if (found.isEmpty() || found.get().status() != InteractionStatus.waiting) {
      return false;
    }
    Interaction interaction = found.get();
    Long deadline = interaction.waiting().deadline();
    if (deadline == null || deadline > clock.millis()) {
      return false;
    }
    CompiledFlow flow = flows.compiled(interaction.flowId(), interaction.flowVersion());
    if (interpreter.resume(flow, interaction, new Resume.TimerFired()).isPresent()) {
      return false;
    }
    try {
      save(interaction);
      return true;
    } catch (ConflictException e) {
      return false; // another instance resumed it first
    }
  }

  public Interaction get(String id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("no interaction '" + id + "'"));
  }

  public java.util.List<StepRecord> steps(String id) {
    return store.steps(id);
  }

  /** How the messages the interaction's steps sent were delivered. */
  public java.util.List<Delivery> deliveries(String id) {
    return deliveries.of(id);
  }

  /** The interaction a provider's reference (a CallSid) belongs to. */
  public Optional<String> byExternalRef(String externalRef) {
    return store.findByExternalRef(externalRef);
  }

  /** Where the delivery state of sent messages is kept: the outbox, or nowhere for a test run. */
  @FunctionalInterface
  public interface DeliveryLog {
    java.util.List<Delivery> of(String interactionId);
  }

  /** The input that resumes a waiting interaction, or why it does not fit. */
  private record Input(Resume input, Rejection rejection) {
    static Input of(Resume input) {
      return new Input(input, null);
    }
  }

  private static Input refused(String message, boolean conflict) {
    return new Input(null, new Rejection(message, conflict));
  }

  private static String waitsFor(Waiting waiting) {
    return waiting.kind().name().replace('_', ' ');
  }

  private Interaction resume(String id, Function<Waiting, Input> inputFor) {
    return resume(id, inputFor, false);
  }

  private Interaction resume(String id, Function<Waiting, Input> inputFor, boolean answersInline) {
    Interaction interaction = get(id);
    if (answersInline) {
      interaction.answerInline();
    }
    if (interaction.status() != InteractionStatus.waiting) {
      throw new ConflictException("the interaction is " + interaction.status() + ", not waiting for input");
    }
    Input input = inputFor.apply(interaction.waiting());
    Optional<Rejection> rejection = input.rejection() != null ? Optional.of(input.rejection())
        : interpreter.resume(flows.compiled(interaction.flowId(), interaction.flowVersion()), interaction, input.input());
    if (rejection.isPresent()) {
      throw rejection.get().conflict() ? new ConflictException(rejection.get().message())
          : new BadRequestException(rejection.get().message());
    }
    save(interaction);
    return interaction;
  }

  private void save(Interaction interaction) {
    boolean outbound = interaction.newSteps().stream()
        .anyMatch(s -> s.effects().stream().anyMatch(Effect.OutboxMessage.class::isInstance));
    try {
      store.save(interaction);
    } catch (ConcurrentUpdateException e) {
      throw new ConflictException(e.getMessage());
    }
    if (outbound) {
      afterCommitWithOutbox.run();
    }
  }

  private static void checkLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new BadRequestException(field + " is longer than " + max + " characters");
    }
  }

  private static Map<String, Object> initialVariables(FlowDocument flow, Map<String, Object> given) {
    Map<String, Object> variables = InteractionDefaults.variables(flow);
    if (given.isEmpty()) {
      return variables;
    }
    if (FlowJson.compact(given).length() > MAX_VARIABLES_CHARS) {
      throw new BadRequestException("the variables are larger than " + MAX_VARIABLES_CHARS + " characters of JSON");
    }
    for (Map.Entry<String, Object> entry : given.entrySet()) {
      VariableDefinition definition = flow.variable(entry.getKey()).orElseThrow(() -> new BadRequestException(
          "'" + entry.getKey() + "' is not a variable of the flow '" + flow.id() + "'"));
      if (!definition.type().accepts(FlowJson.mapper().valueToTree(entry.getValue()))) {
        throw new BadRequestException("the variable '" + entry.getKey() + "' takes a " + definition.type().jsonName());
      }
      variables.put(entry.getKey(), entry.getValue());
    }
    return variables;
  }
}
