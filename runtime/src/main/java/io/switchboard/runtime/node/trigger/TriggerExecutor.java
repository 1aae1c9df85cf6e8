package io.switchboard.runtime.node.trigger;

import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.StepContext;

/** The start of a flow; the trigger's data is already in {@code trigger.*} when it runs. */
public final class TriggerExecutor implements NodeExecutor {
  private final int next;

  public TriggerExecutor(CompileContext context) {
    this.next = context.ports().index("next");
  }

  @Override
  public Outcome execute(StepContext context) {
    return Outcome.next(next);
  }
}
