package io.switchboard.runtime.store;

import io.switchboard.flow.json.FlowJson;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** JSON text for the store's document columns. */
final class Json {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Json() {}

  static String write(Object value) {
    return value == null ? null : FlowJson.compact(value);
  }

  static Map<String, Object> map(String text) {
    return text == null ? null : FlowJson.mapper().readValue(text, MAP);
  }

  static <T> T read(String text, Class<T> type) {
    return text == null ? null : FlowJson.mapper().readValue(text, type);
  }
}
