package io.switchboard.designer.flows.properties;

import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Where a field sits in a form: its component id, its JSON pointer into the config, the property's
 * name and schema, and whether the config needs it.
 */
record Spot(String id, String pointer, String name, JsonNode schema, boolean required) {

  /** The label a person reads: the schema's title, or the name written as words when it has none. */
  String label() {
    return schema.path("title").asString(words(name));
  }

  /** The help under the field: the schema's description. */
  String help() {
    return schema.path("description").asString("");
  }

  /** Shows the schema's default as the placeholder of an empty field, so that "empty" reads as what it does. */
  void placeholder(Consumer<String> setter) {
    if (schema.has("default")) {
      setter.accept(schema.path("default").asString(""));
    }
  }

  /** {@code timeoutMs} as "Timeout ms", {@code call-list} as "Call list": for names without a label. */
  static String words(String name) {
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ').toLowerCase();
    return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
