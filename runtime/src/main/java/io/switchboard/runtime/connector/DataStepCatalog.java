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

  public Set<String> ids() {
    return Set.copyOf(steps.keySet());
  }
}
