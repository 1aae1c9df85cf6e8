package io.switchboard.runtime.connector;

import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Result;
import java.util.Map;

/** A named source of data a fetch node calls: its inputs in, a JSON-like answer out. */
@FunctionalInterface
public interface DataStep {
  /** The JSON-like answer, or why there is none ({@link Failure#retryable()} says whether trying again may help). */
  Result<Object> call(Map<String, Object> input);

  /** The variables the step itself gives back from its answer; a fetch node's own mapping comes on top. */
  default ResponseMapping outputs() {
    return ResponseMapping.NONE;
  }
}
