package io.switchboard.runtime.connector;

import java.util.Map;

/** A named source of data a fetch node calls: its inputs in, a JSON-like answer out. */
@FunctionalInterface
public interface DataStep {
  /**
   * @throws DataStepException when the call fails; {@link DataStepException#isTransient()} says
   *     whether trying again may help
   */
  Object call(Map<String, Object> input);

  /** The variables the step itself gives back from its answer; a fetch node's own mapping comes on top. */
  default ResponseMapping outputs() {
    return ResponseMapping.NONE;
  }
}
