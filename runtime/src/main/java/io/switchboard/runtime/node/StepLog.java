package io.switchboard.runtime.node;

import io.switchboard.runtime.engine.CompiledNode;
import io.switchboard.runtime.engine.StepRecord;

/** Builds step-log entries from what the current step recorded in its context. */
public final class StepLog {
  private final StepContext context;

  public StepLog(StepContext context) {
    this.context = context;
  }

  public StepRecord entry(int seq, CompiledNode node, String port, long startedAtMicros, long durationNanos, String error) {
    return new StepRecord(seq, node.id(), node.type().id(), port, startedAtMicros, durationNanos,
        context.changes(), error != null ? error : context.note(), context.effects());
  }
}
