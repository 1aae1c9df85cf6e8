package io.switchboard.flow.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Walks a node's config beside its schema and reports the fields the schema marks: with
 * {@code x-kind} (expression, template, jsonpath, variable-name, data-step), object keys marked
 * {@code "x-keys": "variable"} (variables a node writes), and values whose field carries an
 * {@code x-suggest} (such as queue names).
 */
public final class ConfigFields {

  /** Receives each marked field: its kind, its JSON pointer below the config, and its text. */
  @FunctionalInterface
  public interface Visitor {
    void field(String kind, String pointer, String value);
  }

  @FunctionalInterface
  private interface Step {
    void visit(JsonNode schema, JsonNode value, String pointer);
  }

  private ConfigFields() {}

  public static void walk(NodeTypeSchema type, JsonNode config, Visitor visitor) {
    traverse(type.document(), config, "", (schema, value, pointer) -> {
      String kind = schema.path("x-kind").asString(null);
      if (kind != null && value.isString()) {
        visitor.field(kind, pointer, value.asString());
      }
      if (value.isObject() && "variable".equals(schema.path("x-keys").asString(null))) {
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          visitor.field("variable-name", pointer + "/" + escape(entry.getKey()), entry.getKey());
        }
      }
    });
  }

  /** The string values of the fields whose schema says {@code "x-suggest": suggestion}. */
  public static List<String> suggested(NodeTypeSchema type, JsonNode config, String suggestion) {
    List<String> values = new ArrayList<>();
    traverse(type.document(), config, "", (schema, value, pointer) -> {
      if (suggestion.equals(schema.path("x-suggest").asString(null)) && value.isString()) {
        values.add(value.asString());
      }
    });
    return values;
  }

  private static void traverse(JsonNode schema, JsonNode value, String pointer, Step step) {
    if (schema == null || schema.isMissingNode() || value == null) {
      return;
    }
    step.visit(schema, value, pointer);
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        JsonNode childSchema = properties.has(entry.getKey())
            ? properties.get(entry.getKey())
            : schema.path("additionalProperties");
        traverse(childSchema, entry.getValue(), pointer + "/" + escape(entry.getKey()), step);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        traverse(schema.path("items"), value.get(i), pointer + "/" + i, step);
      }
    }
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
