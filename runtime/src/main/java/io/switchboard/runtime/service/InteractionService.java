package io.switchboard.runtime.service;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.VariableDefinition;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Effect;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionDefaults;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.Interpreter;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.engine.Waiting;
import io.switchboard.runtime.node.InputRejectedException;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.store.ConcurrentUpdateException;
import io.switchboard.runtime.store.InteractionStore;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Starts interactions and feeds them their inputs. Each call loads, runs the interpreter to the next
 * wait or end, and saves in one transaction; it answers only after that commit. Input that does not
 * fit is refused before anything changes.
 */
public final class InteractionService {
  private static final int MAX_VARIABLES_CHARS = 256 * 1024;

  private final FlowService flows;
  private final InteractionStore store;
  private final Interpreter interpreter;
  private final Ids ids;
  private final Clock clock;
  private final Runnable afterCommitWithOutbox;

  public InteractionService(FlowService flows, InteractionStore store, Interpreter interpreter, Ids ids, Clock clock,
      Runnable afterCommitWithOutbox) {
    this.flows = flows;
    this.store = store;
    this.interpreter = interpreter;
    this.ids = ids;
    this.clock = clock;
    this.afterCommitWithOutbox = afterCommitWithOutbox;
  }

  public Interaction start(StartRequest request) {
    if (request.flowId() == null || request.flowId().isBlank()) {
      throw new BadRequestException("flowId is required");
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
    interpreter.start(flow, interaction);
    save(interaction);
    return interaction;
  }

  /** An agent's answer to the script step the interaction waits at. */
  public Interaction answer(String id, Resume.AgentAnswer answer) {
    return resume(id, waiting -> {
      if (waiting.kind() != Waiting.Kind.agent_answer) {
        throw InputRejectedException.conflict("the interaction waits for " + waiting.kind().name().replace('_', ' ')
            + ", not for an agent's answer");
      }
      if (answer.nodeId() == null || !answer.nodeId().equals(waiting.nodeId())) {
        throw InputRejectedException.conflict("the interaction waits at step '" + waiting.nodeId() + "', not '"
            + answer.nodeId() + "'");
      }
      if (answer.answer() == null || answer.answer().isBlank()) {
        throw InputRejectedException.badInput("answer is required");
      }
      return answer;
    });
  }

  /** A named external event (a customer's reply, an API signal). */
  public Interaction event(String id, String name, Object data) {
    return resume(id, waiting -> {
      if (waiting.kind() != Waiting.Kind.event) {
        throw InputRejectedException.conflict("the interaction waits for " + waiting.kind().name().replace('_', ' ')
            + ", not for an event");
      }
      return new Resume.EventArrived(name, data);
    });
  }

  /** The telephony provider's report on a forwarded call. */
  public Interaction callStatus(String id, String status) {
    return resume(id, waiting -> {
      if (waiting.kind() != Waiting.Kind.call_status) {
        throw InputRejectedException.conflict("the interaction does not wait for a call status");
      }
      return new Resume.CallStatus(status);
    });
  }

  /** Resumes an interaction whose deadline passed; false when it no longer waits for that deadline. */
  public boolean fireTimer(String id) {
    try {
      resume(id, waiting -> {
        if (waiting.deadline() == null || waiting.deadline() > clock.millis()) {
          throw InputRejectedException.conflict("not due");
        }
        return new Resume.TimerFired();
      });
      return true;
    } catch (InputRejectedException | ConflictException e) {
      return false;
    }
  }

  public Interaction get(String id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("no interaction '" + id + "'"));
  }

  public java.util.List<StepRecord> steps(String id) {
    return store.steps(id);
  }

  private Interaction resume(String id, Function<Waiting, Resume> inputFor) {
    Interaction interaction = get(id);
    if (interaction.status() != InteractionStatus.waiting) {
      throw InputRejectedException.conflict("the interaction is " + interaction.status() + ", not waiting for input");
    }
    Resume input = inputFor.apply(interaction.waiting());
    CompiledFlow flow = flows.compiled(interaction.flowId(), interaction.flowVersion());
    interpreter.resume(flow, interaction, input);
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
