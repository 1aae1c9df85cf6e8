package io.switchboard.runtime.engine;

import io.switchboard.flow.expr.ExpressionException;
import io.switchboard.flow.expr.JsValues;
import io.switchboard.runtime.expr.CompiledExpression;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Result;
import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.node.ProviderInstruction;
import io.switchboard.runtime.node.StepContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's side of {@link StepContext}: one per run of the interpreter loop, over one
 * interaction. It records what the current step changed and asked for, for the step log.
 */
final class InteractionContext implements StepContext {
  private final Interaction interaction;
  private final RuntimeServices services;
  private final Set<String> createdTickets = new HashSet<>();
  private Map<String, Object> changes;
  private List<Effect> effects;
  private int seq;

  InteractionContext(Interaction interaction, RuntimeServices services) {
    this.interaction = interaction;
    this.services = services;
  }

  /** Starts a new step: what the previous step changed is handed over and forgotten here. */
  void beginStep(int seq) {
    this.seq = seq;
    this.changes = null;
    this.effects = null;
  }

  @Override
  public Object lookup(String name) {
    Map<String, Object> variables = interaction.variables();
    Object value = variables.get(name);
    if (value != null || variables.containsKey(name)) {
      return value;
    }
    return switch (name) {
      case "trigger" -> interaction.trigger();
      case "interaction" -> interactionView();
      default -> throw new ExpressionException(name + " is not defined");
    };
  }

  private Map<String, Object> interactionView() {
    Map<String, Object> view = new LinkedHashMap<>(8);
    view.put("id", interaction.id());
    view.put("channel", interaction.channel());
    view.put("flowId", interaction.flowId());
    view.put("flowVersion", interaction.flowVersion());
    view.put("agent", interaction.agent());
    Failure error = interaction.error();
    view.put("error", error == null ? null : error.asVariable());
    return view;
  }

  @Override
  public Result<Object> evaluate(CompiledExpression expression) {
    try {
      Object value = expression.evaluate(this);
      return Result.ok(value == JsValues.UNDEFINED ? null : value);
    } catch (ExpressionException e) {
      // the expression engine reports a failing expression by throwing; from here on it is a value
      return Result.err(Failure.of(Failure.Code.expression, e.getMessage()));
    }
  }

  @Override
  public Result<String> render(CompiledTemplate template) {
    try {
      return Result.ok(template.render(this));
    } catch (ExpressionException e) {
      return Result.err(Failure.of(Failure.Code.expression, e.getMessage()));
    }
  }

  @Override
  public void set(String name, Object value) {
    Object stored = value == JsValues.UNDEFINED ? null : value;
    interaction.variables().put(name, stored);
    if (changes == null) {
      changes = new LinkedHashMap<>(4);
    }
    changes.put(name, stored);
  }

  @Override
  public void emit(Effect effect) {
    if (effects == null) {
      effects = new ArrayList<>(2);
    }
    effects.add(effect);
    if (effect instanceof Effect.TicketChange t && t.action() == Effect.TicketChange.Action.create) {
      createdTickets.add(t.ticketId());
    }
  }

  @Override
  public void instruct(ProviderInstruction instruction) {
    interaction.instruct(instruction);
  }

  @Override
  public void outcome(String outcome) {
    interaction.outcome(outcome);
  }

  @Override
  public void priority(String priority) {
    interaction.priority(priority);
  }

  @Override
  public void queue(String queue) {
    interaction.queue(queue);
  }

  @Override
  public boolean ticketExists(String ticketId) {
    return createdTickets.contains(ticketId) || services.tickets().exists(ticketId);
  }

  @Override
  public java.util.Optional<io.switchboard.runtime.node.QueueInfo> queueInfo(String queue) {
    return services.queues().find(queue);
  }

  @Override
  public io.switchboard.runtime.node.Waiting waitingFor() {
    return interaction.waiting();
  }

  @Override
  public String agent() {
    return interaction.agent();
  }

  @Override
  public void assign(String agent) {
    interaction.assign(agent);
  }

  @Override
  public String channel() {
    return interaction.channel();
  }

  @Override
  public String interactionId() {
    return interaction.id();
  }

  @Override
  public String idempotencyKey() {
    return interaction.id() + ":" + seq;
  }

  @Override
  public long nowMillis() {
    return services.clock().millis();
  }

  @Override
  public boolean answersInline() {
    return interaction.answersInline();
  }

  @Override
  public void answer(String text) {
    interaction.answer(text);
  }

  @Override
  public <T> java.util.Optional<T> capability(Class<T> type) {
    return type.isInstance(services.knowledge()) ? java.util.Optional.of(type.cast(services.knowledge()))
        : java.util.Optional.empty();
  }

  @Override
  public String newId() {
    return services.ids().next();
  }

  Map<String, Object> changes() {
    return changes;
  }

  List<Effect> effects() {
    return effects;
  }
}
