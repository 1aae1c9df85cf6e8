package io.switchboard.runtime.connector;

import io.switchboard.flow.steps.StepDirectory;
import io.switchboard.flow.steps.StepSignature;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The data steps flows can name, by id; the registry keeps it current as integrators change steps. */
public final class DataStepCatalog {
  private final Map<String, DataStep> steps = new ConcurrentHashMap<>();

  public DataStepCatalog register(String id, DataStep step) {
    steps.put(id, step);
    return this;
  }

  public void remove(String id) {
    steps.remove(id);
  }

  public Optional<DataStep> find(String id) {
    return Optional.ofNullable(steps.get(id));
  }

  /** A catalog with the same steps, to which a caller can add its own without touching this one. */
  public DataStepCatalog copy() {
    DataStepCatalog copy = new DataStepCatalog();
    copy.steps.putAll(steps);
    return copy;
  }

  public Set<String> ids() {
    return Set.copyOf(steps.keySet());
  }

  /** What the validator and the designer know of the steps: inputs and outputs, as registered now. */
  public StepDirectory directory() {
    return id -> Optional.ofNullable(steps.get(id)).map(step -> signatureOf(id, step));
  }

  private static StepSignature signatureOf(String id, DataStep step) {
    return step instanceof HttpDataStep http ? http.definition().signature() : new StepSignature(id, id, null, null);
  }
}
