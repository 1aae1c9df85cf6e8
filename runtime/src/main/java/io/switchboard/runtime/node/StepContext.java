package io.switchboard.runtime.node;

import io.switchboard.flow.expr.ExpressionException;
import io.switchboard.flow.expr.JsValues;
import io.switchboard.flow.expr.Scope;
import io.switchboard.runtime.engine.Effect;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.ProviderInstruction;
import io.switchboard.runtime.expr.CompiledExpression;
import io.switchboard.runtime.expr.CompiledTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an executor sees of the interaction during one step: the variables (as an expression scope),
 * and the ways to change them and to ask for effects. It records what the step changed for the log.
 */
public final class StepContext implements Scope {
  private final Interaction interaction;
  private final RuntimeServices services;
  private final Set<String> createdTickets = new HashSet<>();
  private Map<String, Object> changes;
  private List<Effect> effects;
  private String note;
  private int seq;

  public StepContext(Interaction interaction, RuntimeServices services) {
    this.interaction = interaction;
    this.services = services;
  }

  /** Starts a new step: what the previous step changed is handed over and forgotten here. */
  public void beginStep(int seq) {
    this.seq = seq;
    this.changes = null;
    this.effects = null;
    this.note = null;
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
      case "interaction" -> Map.of("id", interaction.id(), "channel", interaction.channel(),
          "flowId", interaction.flowId(), "flowVersion", interaction.flowVersion());
      default -> throw new ExpressionException(name + " is not defined");
    };
  }

  public Object evaluate(CompiledExpression expression) {
    Object value = expression.evaluate(this);
    return value == JsValues.UNDEFINED ? null : value;
  }

  public String render(CompiledTemplate template) {
    return template.render(this);
  }

  /** Sets a variable and records the change for the step log. */
  public void set(String name, Object value) {
    Object stored = value == JsValues.UNDEFINED ? null : value;
    interaction.variables().put(name, stored);
    if (changes == null) {
      changes = new LinkedHashMap<>(4);
    }
    changes.put(name, stored);
  }

  public void emit(Effect effect) {
    if (effects == null) {
      effects = new ArrayList<>(2);
    }
    effects.add(effect);
    if (effect instanceof Effect.TicketChange t && t.action() == Effect.TicketChange.Action.create) {
      createdTickets.add(t.ticketId());
    }
  }

  /** Records a problem met on a path that is not an error (e.g. an e-mail that could not be built). */
  public void note(String message) {
    this.note = message;
  }

  public void instruct(ProviderInstruction instruction) {
    interaction.instruct(instruction);
  }

  public void outcome(String outcome) {
    interaction.outcome(outcome);
  }

  public void priority(String priority) {
    interaction.priority(priority);
  }

  public void queue(String queue) {
    interaction.queue(queue);
  }

  public boolean ticketExists(String ticketId) {
    return createdTickets.contains(ticketId) || services.tickets().exists(ticketId);
  }

  public String channel() {
    return interaction.channel();
  }

  public String interactionId() {
    return interaction.id();
  }

  /** A key that names this step of this interaction, stable across retries and restarts. */
  public String idempotencyKey() {
    return interaction.id() + ":" + seq;
  }

  public long nowMillis() {
    return services.clock().millis();
  }

  public String newId() {
    return services.ids().next();
  }

  Map<String, Object> changes() {
    return changes;
  }

  List<Effect> effects() {
    return effects;
  }

  String note() {
    return note;
  }
}
