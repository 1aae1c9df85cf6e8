package io.switchboard.runtime.engine;

import io.switchboard.runtime.failure.Failure;

/** Builds step-log entries from what the current step recorded in its context. */
final class StepLog {
  private final InteractionContext context;

  StepLog(InteractionContext context) {
    this.context = context;
  }

  StepRecord entry(int seq, CompiledNode node, String port, long startedAtMicros, long durationNanos, Failure error,
      String actor) {
    return new StepRecord(seq, node.id(), node.type().id(), port, startedAtMicros, durationNanos,
        context.changes(), error, context.effects(), actor);
  }
}
