package io.switchboard.flow.schema;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Walks a node's config beside its schema and reports the fields the schema marks with
 * {@code x-kind} (expression, template, jsonpath, variable-name, data-step) and the object keys
 * it marks with {@code "x-keys": "variable"} (variables a node writes).
 */
public final class ConfigFields {

  /** Receives each marked field: its kind, its JSON pointer below the config, and its text. */
  @FunctionalInterface
  public interface Visitor {
    void field(String kind, String pointer, String value);
  }

  private ConfigFields() {}

  public static void walk(NodeTypeSchema type, JsonNode config, Visitor visitor) {
    walk(type.document(), config, "", visitor);
  }

  private static void walk(JsonNode schema, JsonNode value, String pointer, Visitor visitor) {
    if (schema == null || schema.isMissingNode() || value == null) {
      return;
    }
    String kind = schema.path("x-kind").asString(null);
    if (kind != null && value.isString()) {
      visitor.field(kind, pointer, value.asString());
    }
    if (value.isObject()) {
      boolean keysAreVariables = "variable".equals(schema.path("x-keys").asString(null));
      JsonNode properties = schema.path("properties");
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        String child = pointer + "/" + escape(entry.getKey());
        if (keysAreVariables) {
          visitor.field("variable-name", child, entry.getKey());
        }
        JsonNode childSchema = properties.has(entry.getKey())
            ? properties.get(entry.getKey())
            : schema.path("additionalProperties");
        walk(childSchema, entry.getValue(), child, visitor);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        walk(schema.path("items"), value.get(i), pointer + "/" + i, visitor);
      }
    }
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
