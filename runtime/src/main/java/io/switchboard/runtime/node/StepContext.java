package io.switchboard.runtime.node;

import io.switchboard.flow.expr.Scope;
import io.switchboard.runtime.expr.CompiledExpression;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.failure.Result;

/**
 * What an executor sees of the interaction during one step: the variables (as an expression scope),
 * and the ways to change them and to ask for effects. The engine implements it and records what the
 * step changed for the log.
 */
public interface StepContext extends Scope {

  /** The expression's value (JavaScript's undefined as null), or an {@code expression} failure. */
  Result<Object> evaluate(CompiledExpression expression);

  /** The template's text, or an {@code expression} failure. */
  Result<String> render(CompiledTemplate template);

  /** Sets a variable and records the change for the step log. */
  void set(String name, Object value);

  void emit(Effect effect);

  void instruct(ProviderInstruction instruction);

  void outcome(String outcome);

  void priority(String priority);

  void queue(String queue);

  boolean ticketExists(String ticketId);

  /** The queue of that id as the desk defines it; empty when it is not one of ours (the provider's own, or a typo). */
  java.util.Optional<QueueInfo> queueInfo(String queue);

  /** What the interaction waited for when this step resumes it; null while a step executes afresh. */
  Waiting waitingFor();

  /** The agent who has the interaction, or null. */
  String agent();

  /** Gives the interaction to an agent (readable as {@code interaction.agent}). */
  void assign(String agent);

  String channel();

  String interactionId();

  /** A key that names this step of this interaction, stable across retries and restarts. */
  String idempotencyKey();

  long nowMillis();

  /**
   * Whether the request running this step answers the customer itself (an inbound text message's
   * webhook): then a reply goes into that answer through {@link #answer}, else through the outbox.
   */
  boolean answersInline();

  /** Adds a text to the answer of the request running this step; only while {@link #answersInline()}. */
  void answer(String text);

  /**
   * The runtime's implementation of an interface a node type declares in its own package (the knowledge
   * base a {@code knowledge} step searches); empty when this runtime has none. The context names no such
   * interface itself, so that the executors' packages depend on this one and never the other way round.
   */
  <T> java.util.Optional<T> capability(Class<T> type);

  String newId();
}
