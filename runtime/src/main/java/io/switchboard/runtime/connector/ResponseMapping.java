package io.switchboard.runtime.connector;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Maps a JSON answer into variables by JSONPath, compiled once. Plain member and index paths
 * ({@code $.a.b[0]}) are walked directly; everything else goes through Jayway JsonPath. A path that
 * finds nothing yields null.
 */
public final class ResponseMapping {
  private static final Pattern PLAIN = Pattern.compile("\\$((\\.[A-Za-z_][A-Za-z0-9_]*)|(\\[\\d+]))*");
  private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[(\\d+)]");
  private static final Configuration JSONPATH = Configuration.defaultConfiguration()
      .addOptions(Option.SUPPRESS_EXCEPTIONS);

  /** Maps nothing. */
  public static final ResponseMapping NONE = new ResponseMapping(List.of());

  private final List<Entry> entries;

  private record Entry(String variable, Object[] plainPath, JsonPath jsonPath) {}

  private ResponseMapping(List<Entry> entries) {
    this.entries = entries;
  }

  /**
   * @throws IllegalArgumentException naming the path that does not compile
   */
  public static ResponseMapping compile(Map<String, String> output) {
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, String> e : output.entrySet()) {
      String path = e.getValue();
      if (PLAIN.matcher(path).matches()) {
        entries.add(new Entry(e.getKey(), SEGMENT.matcher(path).results()
            .map(m -> m.group(1) != null ? (Object) m.group(1) : (Object) Integer.valueOf(m.group(2))).toArray(), null));
      } else {
        try {
          entries.add(new Entry(e.getKey(), null, JsonPath.compile(path)));
        } catch (RuntimeException invalid) {
          throw new IllegalArgumentException("the JSONPath '" + path + "' for '" + e.getKey() + "' is not valid: "
              + invalid.getMessage());
        }
      }
    }
    return new ResponseMapping(List.copyOf(entries));
  }

  public void apply(Object response, BiConsumer<String, Object> set) {
    for (Entry entry : entries) {
      set.accept(entry.variable(), entry.plainPath() != null ? walk(response, entry.plainPath()) : read(response, entry.jsonPath()));
    }
  }

  private static Object walk(Object value, Object[] path) {
    for (Object segment : path) {
      if (segment instanceof String name && value instanceof Map<?, ?> map) {
        value = map.get(name);
      } else if (segment instanceof Integer index && value instanceof List<?> list && index < list.size()) {
        value = list.get(index);
      } else {
        return null;
      }
    }
    return value;
  }

  private static Object read(Object response, JsonPath path) {
    return response == null ? null : path.read(response, JSONPATH);
  }
}
