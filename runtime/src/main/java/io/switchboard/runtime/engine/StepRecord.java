package io.switchboard.runtime.engine;

import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.node.Effect;
import java.util.List;
import java.util.Map;

/**
 * One entry of an interaction's step log: which node ran, the port it took (null when it waited or
 * ended), when it started (epoch microseconds), how long it took, the variables it changed, the
 * error it met, the effects it asked for, and who gave the input it resumed with (an agent), if anyone.
 */
public record StepRecord(
    int seq,
    String nodeId,
    String nodeType,
    String port,
    long startedAtMicros,
    long durationNanos,
    Map<String, Object> changes,
    Failure error,
    List<Effect> effects,
    String actor) {

  public StepRecord {
    changes = changes == null ? Map.of() : changes;
    effects = effects == null ? List.of() : effects;
  }

  public StepRecord(int seq, String nodeId, String nodeType, String port, long startedAtMicros, long durationNanos,
      Map<String, Object> changes, Failure error, List<Effect> effects) {
    this(seq, nodeId, nodeType, port, startedAtMicros, durationNanos, changes, error, effects, null);
  }
}
