package io.switchboard.runtime.node.wait;

import io.switchboard.flow.model.config.WaitConfig;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.node.StepContext;
import java.util.Map;

/**
 * Pauses for a number of seconds, or waits for a named event with a time limit. The deadline is
 * stored, so a restart does not lose the timer; it fires late rather than never.
 */
public final class WaitExecutor implements NodeExecutor {
  private final String nodeId;
  private final long seconds;
  private final String event;
  private final String variable;
  private final int next;
  private final int timeout;

  public WaitExecutor(CompileContext context) {
    WaitConfig config = context.config(WaitConfig.class);
    this.nodeId = context.node().id();
    this.seconds = config.seconds();
    this.event = config.event();
    this.variable = config.variable();
    this.next = context.ports().index("next");
    this.timeout = context.ports().index("timeout");
  }

  @Override
  public Outcome execute(StepContext context) {
    if (event == null) {
      return new Outcome.Wait(new Waiting(nodeId, Waiting.Kind.timer, context.nowMillis() + seconds * 1000, null, Map.of()));
    }
    Long deadline = seconds > 0 ? context.nowMillis() + seconds * 1000 : null;
    return new Outcome.Wait(new Waiting(nodeId, Waiting.Kind.event, deadline, event, Map.of()));
  }

  @Override
  public Outcome resume(StepContext context, Resume input) {
    return switch (input) {
      case Resume.TimerFired fired -> Outcome.next(event == null ? next : timeout);
      case Resume.EventArrived arrived when event != null && event.equals(arrived.name()) -> {
        if (variable != null) {
          context.set(variable, arrived.data());
        }
        yield Outcome.next(next);
      }
      case Resume.EventArrived arrived -> Outcome.conflict(event == null
          ? "this step waits for time to pass, not for an event"
          : "this step waits for the event '" + event + "', not '" + arrived.name() + "'");
      default -> Outcome.conflict("this step waits for " + (event == null ? "time to pass" : "the event '" + event + "'"));
    };
  }
}
