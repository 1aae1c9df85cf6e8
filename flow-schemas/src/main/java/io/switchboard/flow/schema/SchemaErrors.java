package io.switchboard.flow.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Runs a schema and turns its errors into JSON pointers and readable sentences. */
public final class SchemaErrors {
  private SchemaErrors() {}

  public static List<Error> validate(NodeTypeSchema type, JsonNode config) {
    return type.configSchema().validate(config);
  }

  public static List<Error> validate(Schema schema, JsonNode document) {
    return schema.validate(document);
  }

  /** The JSON pointer of the value the error is about, relative to the validated document. */
  public static String pointer(Error error) {
    NodePath path = error.getInstanceLocation();
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer.append('/').append(ConfigFields.escape(String.valueOf(path.getElement(i))));
    }
    return pointer.toString();
  }

  /**
   * The error as a sentence that names the field; empty for the errors inside the alternatives of a
   * {@code oneOf} when the schema that holds it says in {@code x-oneOf-message} what it wants.
   */
  public static Optional<String> sentence(Error error, JsonNode schemaDocument) {
    String message = stripLocation(error.getMessage());
    if ("oneOf".equals(error.getKeyword())) {
      message = oneOfMessage(error, schemaDocument).orElse(message);
    } else if (error.getEvaluationPath().contains("oneOf")) {
      return Optional.empty();
    }
    String where = pointer(error);
    return Optional.of(where.isEmpty() ? message : "'" + where.substring(1) + "' " + message);
  }

  private static Optional<String> oneOfMessage(Error error, JsonNode schemaDocument) {
    NodePath fragment = error.getSchemaLocation().getFragment();
    JsonNode owner = schemaDocument;
    for (int i = 0; i < fragment.getNameCount() - 1; i++) {
      Object element = fragment.getElement(i);
      owner = element instanceof Integer index ? owner.path(index) : owner.path(String.valueOf(element));
    }
    return Optional.ofNullable(owner.path("x-oneOf-message").asString(null));
  }

  private static String stripLocation(String message) {
    // messages look like "$.a.b: must be ..." in some versions; keep only what follows the location
    int colon = message.indexOf(": ");
    return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
  }
}
