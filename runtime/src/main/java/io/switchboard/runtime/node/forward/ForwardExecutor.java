package io.switchboard.runtime.node.forward;

import io.switchboard.runtime.failure.Result;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.flow.model.config.ForwardConfig;
import io.switchboard.runtime.node.ProviderInstruction;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.node.StepContext;
import io.switchboard.runtime.node.QueueInfo;
import io.switchboard.runtime.node.Queueing;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hands the interaction on: records the instruction for the channel provider (dial a SIP URI or a
 * number, enqueue, give to an agent). To a queue the desk defines, the interaction waits there until
 * an agent accepts it ({@code connected}) or the queue's maximum wait passes ({@code failed}). To any
 * other destination on a call whose flow continues after the forward, it waits for the provider's
 * call status; otherwise the flow's work is done and it takes {@code connected}.
 */
public final class ForwardExecutor implements NodeExecutor {
  private static final Set<String> CONNECTED = Set.of("completed", "answered", "in-progress");

  private final String nodeId;
  private final ProviderInstruction.Verb verb;
  private final CompiledTemplate target;
  private final boolean awaitStatus;
  private final long timeoutMillis;
  private final int connected;
  private final int failed;

  public ForwardExecutor(CompileContext context) {
    ForwardConfig config = context.config(ForwardConfig.class);
    this.nodeId = context.node().id();
    this.verb = switch (config.target().kind()) {
      case "sip" -> ProviderInstruction.Verb.sip;
      case "phone" -> ProviderInstruction.Verb.number;
      case "agent" -> ProviderInstruction.Verb.agent;
      default -> ProviderInstruction.Verb.queue;
    };
    this.target = context.expressions().template(config.target().value());
    this.awaitStatus = context.connected("connected") || context.connected("failed");
    this.timeoutMillis = config.timeoutSeconds() * 1000L;
    this.connected = context.ports().index("connected");
    this.failed = context.ports().index("failed");
  }

  @Override
  public Outcome execute(StepContext context) {
    Result<String> rendered = context.render(target);
    if (!rendered.isOk()) {
      return Outcome.fail(rendered.failure());
    }
    String destination = rendered.value().strip();
    if (destination.isEmpty()) {
      return Outcome.fail(Failure.of(Failure.Code.no_target, "the forward target is empty"));
    }
    if (verb == ProviderInstruction.Verb.queue) {
      Optional<QueueInfo> queue = context.queueInfo(destination);
      if (queue.isPresent()) {
        context.outcome("waiting in queue " + destination);
        return Queueing.enqueue(context, nodeId, queue.get(), Map.of());
      }
    }
    boolean waitForCall = awaitStatus && "voice".equals(context.channel());
    context.instruct(new ProviderInstruction(verb, destination, waitForCall));
    context.outcome("forwarded to " + verb + " " + destination);
    if (waitForCall) {
      return new Outcome.Wait(new Waiting(nodeId, Waiting.Kind.call_status, context.nowMillis() + timeoutMillis, null,
          Map.of("target", destination)));
    }
    return Outcome.next(connected);
  }

  @Override
  public Outcome resume(StepContext context, Resume input) {
    if (Queueing.inQueue(context)) {
      return switch (input) {
        case Resume.AgentAssigned accepted -> {
          Queueing.assign(context, accepted);
          yield Outcome.next(connected);
        }
        case Resume.TimerFired fired -> Outcome.failVia(failed, Queueing.timedOut(context));
        default -> Outcome.conflict("this step waits in a queue for an agent");
      };
    }
    return switch (input) {
      case Resume.CallStatus status -> Outcome.next(CONNECTED.contains(status.status()) ? connected : failed);
      case Resume.TimerFired fired -> Outcome.next(failed);
      default -> Outcome.conflict("this step waits for the call status from the provider");
    };
  }
}
