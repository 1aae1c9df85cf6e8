package io.switchboard.runtime.engine;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.VariableDefinition;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a new interaction starts with: every declared variable at its default, and the trigger's data. */
public final class InteractionDefaults {
  private InteractionDefaults() {}

  /** Each declared variable, at its default value or null. */
  public static Map<String, Object> variables(FlowDocument flow) {
    Map<String, Object> variables = new HashMap<>();
    for (VariableDefinition definition : flow.variables()) {
      variables.put(definition.name(), definition.defaultValue() == null || definition.defaultValue().isNull()
          ? null : FlowJson.mapper().treeToValue(definition.defaultValue(), Object.class));
    }
    return variables;
  }

  /** What expressions read as {@code trigger.*}: the extra data, then channel, from and to. */
  public static Map<String, Object> trigger(String channel, String from, String to, Map<String, Object> data) {
    Map<String, Object> trigger = new LinkedHashMap<>(data);
    trigger.put("channel", channel);
    trigger.put("from", from);
    trigger.put("to", to);
    return trigger;
  }
}
