package io.switchboard.runtime.connector;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Replaces secrets in text that is about to be shown, logged or stored. */
public final class Redactor {
  public static final String MASK = "[redacted]";
  public static final Redactor NONE = new Redactor(List.of());

  private final List<String> secrets;

  /** @param secrets the secret texts; longer ones are replaced first, so that a secret inside another goes with it */
  public Redactor(Collection<String> secrets) {
    this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  public String redact(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  /** A JSON-like value (maps, lists, strings, numbers) with the secrets in its strings, keys included, replaced. */
  public Object redactValues(Object value) {
    if (value instanceof String s) {
      return redact(s);
    }
    if (value instanceof java.util.Map<?, ?> map) {
      java.util.Map<Object, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(redactValues(k), redactValues(v)));
      return copy;
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().map(this::redactValues).toList();
    }
    return value;
  }

  public boolean isEmpty() {
    return secrets.isEmpty();
  }
}
