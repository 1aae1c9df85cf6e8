package io.switchboard.flow.model;

import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.databind.JsonNode;

/** The JSON types a variable can hold. */
public enum VariableType {
  STRING, NUMBER, BOOLEAN, OBJECT, ARRAY;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase();
  }

  /** Whether a JSON value fits this type; {@code null} fits every type. */
  public boolean accepts(JsonNode value) {
    if (value == null || value.isNull()) {
      return true;
    }
    return switch (this) {
      case STRING -> value.isString();
      case NUMBER -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
      case OBJECT -> value.isObject();
      case ARRAY -> value.isArray();
    };
  }
}
