package io.switchboard.flow.steps;

import java.util.Map;
import java.util.Optional;

/** Looks up the registered data steps a flow may name. */
@FunctionalInterface
public interface StepDirectory {
  Optional<StepSignature> find(String id);

  /** A directory of the given steps only. */
  static StepDirectory of(Map<String, StepSignature> steps) {
    Map<String, StepSignature> copy = Map.copyOf(steps);
    return id -> Optional.ofNullable(copy.get(id));
  }
}
