package io.switchboard.runtime.node;

import io.switchboard.runtime.failure.Failure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What waiting in one of the desk's queues means to a step: wait until an agent accepts or the queue's
 * maximum wait passes, then take the interaction over for the agent. On a voice call the provider
 * already holds the caller in its queue ({@code <Enqueue>}); accepting asks it, through the outbox, to
 * bridge the call to the agent's phone or SIP address.
 */
public final class Queueing {
  /** The outbox kind of the provider's call-update request. */
  public static final String CALL_UPDATE = "call-update";

  private Queueing() {}

  /** Waits in the queue; {@code details} (a script's prompt, say) lets the offered agent preview the step. */
  public static Outcome.Wait enqueue(StepContext context, String nodeId, QueueInfo queue, Map<String, Object> details) {
    return enqueue(context, nodeId, queue, details, queue.maxWaitSeconds());
  }

  /** Waits in the queue at most {@code seconds} (a route step's own time limit). */
  public static Outcome.Wait enqueue(StepContext context, String nodeId, QueueInfo queue, Map<String, Object> details,
      int seconds) {
    Map<String, Object> shown = new LinkedHashMap<>(details);
    shown.put("queue", queue.id());
    triggerValue(context, "preferredAgent").ifPresent(agent -> shown.put("preferredAgent", agent));
    context.queue(queue.id());
    if ("voice".equals(context.channel())) {
      context.instruct(new ProviderInstruction(ProviderInstruction.Verb.queue, queue.id(), false));
    }
    return new Outcome.Wait(new Waiting(nodeId, Waiting.Kind.queue,
        context.nowMillis() + seconds * 1000L, null, shown));
  }

  /** A text the interaction was started with (a call list's queue, the agent a call back goes to). */
  public static java.util.Optional<String> triggerValue(StepContext context, String name) {
    return context.lookup("trigger") instanceof Map<?, ?> trigger && trigger.get(name) instanceof String value
        && !value.isBlank() ? java.util.Optional.of(value) : java.util.Optional.empty();
  }

  /** Whether the step resumes from a wait in a queue. */
  public static boolean inQueue(StepContext context) {
    Waiting waiting = context.waitingFor();
    return waiting != null && waiting.kind() == Waiting.Kind.queue;
  }

  /** Gives the interaction to the agent who accepted it, and on a call asks the provider to bridge it. */
  public static void assign(StepContext context, Resume.AgentAssigned accepted) {
    context.assign(accepted.agent());
    context.emit(new Effect.AgentAssigned(accepted.offerId(), accepted.agent()));
    Object callSid = triggerValue(context, "callSid").orElse(null);
    if ("voice".equals(context.channel()) && callSid != null && accepted.address() != null) {
      String address = accepted.address().strip();
      boolean sip = address.regionMatches(true, 0, "sip:", 0, 4);
      context.instruct(new ProviderInstruction(sip ? ProviderInstruction.Verb.sip : ProviderInstruction.Verb.number,
          address, false));
      context.emit(new Effect.OutboxMessage(context.newId(), CALL_UPDATE, Map.of("callSid", callSid.toString(),
          "target", address, "targetKind", sip ? "sip" : "number", "agent", accepted.agent()), context.idempotencyKey()));
    }
    context.outcome("with agent " + accepted.agent() + (accepted.reason() == null ? "" : " (" + accepted.reason() + ")"));
  }

  /** Nobody took it within the queue's maximum wait. */
  public static Failure timedOut(StepContext context) {
    Object queue = context.waitingFor().details().get("queue");
    return Failure.of(Failure.Code.timeout, "no agent of queue '" + queue + "' took it within its maximum wait");
  }
}
