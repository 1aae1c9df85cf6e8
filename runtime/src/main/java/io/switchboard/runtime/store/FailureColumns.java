package io.switchboard.runtime.store;

import io.switchboard.runtime.failure.Failure;
import java.util.LinkedHashMap;
import java.util.Map;

/** A failure in three columns: its code, its message, and the rest (retryable, details) as JSON text. */
final class FailureColumns {
  private FailureColumns() {}

  static String details(Failure failure) {
    if (failure == null) {
      return null;
    }
    Map<String, Object> rest = new LinkedHashMap<>(failure.details());
    rest.put("retryable", failure.retryable());
    String json = Json.write(rest);
    return json.length() <= 2000 ? json : Json.write(Map.of("retryable", failure.retryable()));
  }

  /** Null when there was no failure; a row from before codes were stored reads as {@code unexpected}. */
  static Failure read(String code, String message, String details) {
    if (code == null && message == null) {
      return null;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    Map<String, Object> rest = Json.map(details);
    if (rest != null) {
      map.putAll(rest);
    }
    map.put("code", code == null ? Failure.Code.unexpected.name() : code);
    map.put("message", message);
    return Failure.fromMap(map);
  }
}
