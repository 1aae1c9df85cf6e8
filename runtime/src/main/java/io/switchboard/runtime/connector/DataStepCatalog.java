package io.switchboard.runtime.connector;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The data steps flows can name, by id. */
public final class DataStepCatalog {
  private final Map<String, DataStep> steps = new ConcurrentHashMap<>();

  public DataStepCatalog register(String id, DataStep step) {
    steps.put(id, step);
    return this;
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
}
