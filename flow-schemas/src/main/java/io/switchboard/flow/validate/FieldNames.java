package io.switchboard.flow.validate;

import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.NodeTypeCatalog;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The name a person reads for a field: the schema's {@code title} where it has one, else the
 * property's name made readable ("defaultQueue" reads "Default queue").
 */
public final class FieldNames {
  private FieldNames() {}

  /**
   * The field a problem's pointer points at, e.g. "Data step" for {@code /nodes/1/config/step};
   * empty when the pointer is not inside a node's config.
   */
  public static Optional<String> at(JsonNode document, String pointer) {
    if (pointer == null || !pointer.startsWith("/nodes/")) {
      return Optional.empty();
    }
    String[] parts = pointer.split("/", -1);
    if (parts.length < 5 || !"config".equals(parts[3]) || !parts[2].chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    JsonNode node = document.path("nodes").path(Integer.parseInt(parts[2]));
    return NodeType.fromId(node.path("type").asString("")).map(type -> {
      JsonNode schema = NodeTypeCatalog.get().of(type).document();
      String last = null;
      for (int i = 4; i < parts.length; i++) {
        String segment = unescape(parts[i]);
        JsonNode next = child(schema, segment);
        if (next.isMissingNode()) {
          break;
        }
        schema = next;
        last = segment.chars().allMatch(Character::isDigit) ? last : segment;
      }
      return titleOf(schema, last);
    });
  }

  /** A field's title, or its property name made readable. */
  static String titleOf(JsonNode schema, String property) {
    String title = schema.path("title").asString("");
    return title.isBlank() ? humanise(property) : title;
  }

  /** The subschema of one property, array item or free-form key; missing when the schema has none. */
  static JsonNode child(JsonNode schema, String segment) {
    JsonNode property = schema.path("properties").path(segment);
    if (!property.isMissingNode()) {
      return property;
    }
    if (segment.chars().allMatch(Character::isDigit) && schema.path("items").isObject()) {
      return schema.path("items");
    }
    return schema.path("additionalProperties").isObject() ? schema.path("additionalProperties") : property;
  }

  /** A property's name as words: "timeoutSeconds" reads "Timeout seconds", "x-ports" reads "X ports". */
  public static String humanise(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_\\-.]+", " ").strip().toLowerCase();
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }
}
