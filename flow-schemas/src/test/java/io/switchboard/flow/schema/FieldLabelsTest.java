package io.switchboard.flow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.model.NodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The properties form labels every field with its schema's {@code title} and explains it with its
 * {@code description}, and shows an enum's values by their {@code x-enumLabels}: a field without
 * them would show a raw schema name to a business user.
 */
class FieldLabelsTest {

  @ParameterizedTest
  @EnumSource(NodeType.class)
  void everyFieldOfEveryNodeTypeHasATitleADescriptionAndLabelsForItsValues(NodeType type) {
    List<String> missing = missingLabels(type.id() + ".schema.json", NodeTypeCatalog.get().of(type).document());
    assertThat(missing).as("fields a person would see unlabelled").isEmpty();
  }

  @Test
  void aFieldWithoutTitleDescriptionOrValueLabelsIsNamedWithItsSchema() {
    JsonNode schema = io.switchboard.flow.json.FlowJson.readTree("""
        {"properties": {
          "ok": {"type": "string", "title": "Ok", "description": "Fine"},
          "target": {"type": "object", "title": "T", "description": "D", "properties": {
            "kind": {"enum": ["a", "b"], "title": "Kind", "description": "D", "x-enumLabels": {"a": "A"}},
            "value": {"type": "string", "description": "D"}}},
          "cases": {"type": "array", "title": "C", "items": {"type": "object", "properties": {
            "when": {"type": "string", "title": "W", "description": "D"}}}}}}
        """);
    assertThat(missingLabels("x.schema.json", schema)).containsExactly(
        "x.schema.json: /cases has no description",
        "x.schema.json: /target/kind has no label for the value b in x-enumLabels",
        "x.schema.json: /target/value has no title");
  }

  /** Sentences naming the schema file and the field for each title, description or value label missing. */
  static List<String> missingLabels(String file, JsonNode schema) {
    Set<String> missing = new TreeSet<>();
    walk(file, "", schema, missing);
    return new ArrayList<>(missing);
  }

  private static void walk(String file, String pointer, JsonNode schema, Set<String> missing) {
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String at = pointer + "/" + property.getKey();
      JsonNode field = property.getValue();
      for (String keyword : List.of("title", "description")) {
        if (field.path(keyword).asString("").isBlank()) {
          missing.add(file + ": " + at + " has no " + keyword);
        }
      }
      for (JsonNode value : field.path("enum")) {
        if (field.path("x-enumLabels").path(value.asString()).asString("").isBlank()) {
          missing.add(file + ": " + at + " has no label for the value " + value.asString() + " in x-enumLabels");
        }
      }
      walk(file, at, field, missing);
      walk(file, at, field.path("items"), missing);
    }
  }
}
