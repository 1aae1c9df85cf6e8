package io.switchboard.flow.model.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Config of a {@code set} node: variable name to expression, applied in order. */
public record SetConfig(Map<String, String> assignments) {
  public SetConfig {
    assignments = assignments == null ? Map.of() : new LinkedHashMap<>(assignments);
  }
}
