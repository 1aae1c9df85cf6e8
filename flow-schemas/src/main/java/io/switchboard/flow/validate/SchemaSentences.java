package io.switchboard.flow.validate;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.switchboard.flow.schema.SchemaErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns a JSON-Schema error into what a person should do, naming the field by its schema
 * {@code title} (or its property name made readable) and pointing at the field itself: a missing
 * {@code url} points at {@code /request/url}, not at the request that lacks it.
 */
final class SchemaSentences {
  /** What to do where the generic sentence would be vague, by node type and field pointer. */
  private static final Map<String, String> BY_FIELD = Map.ofEntries(
      Map.entry("branch:/cases", "add at least one case"),
      Map.entry("script:/answers", "add at least one answer the customer can give"),
      Map.entry("forward:/target", "choose where to forward the call"),
      Map.entry("forward:/target/kind", "choose where to forward the call"),
      Map.entry("forward:/target/value", "choose the queue, agent, number or SIP address to forward the call to"),
      Map.entry("escalate:", "choose what the escalation changes: a priority, a queue or an alert"),
      Map.entry("set:/assignments", "add at least one variable to set"),
      Map.entry("trigger:/channel", "choose the channel that starts the flow"),
      Map.entry("wait:/seconds", "enter how many seconds to wait"),
      Map.entry("ticket:/action", "choose whether to create a case, update one or attach to one"));
  /** The patterns the schemas share, as a rule a person can follow. */
  private static final Map<String, String> PATTERNS = Map.of(
      "^[a-z0-9][a-z0-9_-]{0,63}$", "use only lower-case letters, digits, - and _ (up to 64, starting with a letter or digit)",
      "^[A-Za-z_][A-Za-z0-9_]{0,63}$", "start with a letter or _ and use only letters, digits and _ (up to 64)",
      "^\\$", "write a JSONPath that starts with $, e.g. $.tier",
      "^[a-z][a-z0-9_-]{0,31}$", "use only lower-case letters, digits, - and _ (up to 32, starting with a letter)",
      "^[a-z0-9][a-z0-9_.-]{0,63}$", "use only lower-case letters, digits, ., - and _ (up to 64)");

  /** A sentence and the pointer of the field it is about, relative to the validated value. */
  record Located(String pointer, String sentence) {}

  private SchemaSentences() {}

  /**
   * @param kind the node type, or "" for the flow document; picks the sentences written per field
   * @return empty for errors that another error of the same failure already says better
   */
  static Optional<Located> of(Error error, JsonNode schemaDocument, String kind) {
    List<Object> location = fragment(error);
    if (insideAlternative(error, location, schemaDocument)) {
      return Optional.empty();
    }
    String keyword = error.getKeyword();
    JsonNode owner = walk(schemaDocument, location.subList(0, Math.max(0, location.size() - 1)));
    String pointer = SchemaErrors.pointer(error);
    if ("required".equals(keyword) && error.getProperty() != null) {
      String property = error.getProperty();
      JsonNode field = owner.path("properties").path(property);
      String where = pointer + "/" + escape(property);
      return Optional.of(new Located(where, specific(kind, where).orElseGet(() -> missing(field, property))));
    }
    if ("oneOf".equals(keyword)) {
      return Optional.of(oneOf(error, owner, pointer, kind));
    }
    Optional<String> written = specific(kind, pointer);
    if (written.isPresent() && List.of("minItems", "minProperties", "minLength", "type").contains(keyword)) {
      return Optional.of(new Located(pointer, written.get()));
    }
    String title = "“" + FieldNames.titleOf(owner, lastProperty(error)) + "”";
    JsonNode value = error.getSchemaNode();
    String sentence = switch (keyword) {
      case "type" -> title + " should be " + typeName(value.isArray() ? value.path(0).asString("") : value.asString(""));
      case "enum" -> "choose " + choices(value, owner.path("x-enumLabels")) + " for " + title;
      case "const" -> title + " can only be " + value;
      case "minLength" -> value.asInt() <= 1 ? "fill in " + title : title + " needs at least " + value.asInt() + " characters";
      case "maxLength" -> title + " is too long; keep it to " + value.asInt() + " characters";
      case "minItems" -> "add at least " + count(value.asInt()) + " to " + title;
      case "maxItems" -> title + " can hold at most " + value.asInt() + " entries";
      case "minProperties" -> "add at least " + count(value.asInt()) + " to " + title;
      case "maxProperties" -> title + " can hold at most " + value.asInt() + " entries";
      case "minimum", "exclusiveMinimum" -> "enter " + ("minimum".equals(keyword) ? "at least " : "more than ")
          + value.asString() + " for " + title;
      case "maximum", "exclusiveMaximum" -> "enter " + ("maximum".equals(keyword) ? "at most " : "less than ")
          + value.asString() + " for " + title;
      case "pattern" -> "for " + title + ", " + PATTERNS.getOrDefault(value.asString(""), "write it in the expected form");
      case "format" -> title + " is not a valid " + formatName(value.asString(""));
      case "not" -> title + " cannot take this value" + ("/port".equals(suffix(pointer)) ? "; “else” is always a path of its own" : "");
      case "additionalProperties" -> "“" + error.getProperty() + "” is not a field here; remove it";
      default -> SchemaErrors.sentence(error, schemaDocument).orElse(title + " is not valid");
    };
    return Optional.of(new Located(pointer, sentence));
  }

  private static Optional<String> specific(String kind, String pointer) {
    return Optional.ofNullable(BY_FIELD.get(kind + ":" + pointer));
  }

  /** A required field left out, said by what kind of field it is. */
  private static String missing(JsonNode field, String property) {
    String title = "“" + FieldNames.titleOf(field, property) + "”";
    if (field.has("enum")) {
      return "choose " + title;
    }
    return switch (field.path("type").asString("")) {
      case "array" -> "add at least one entry to " + title;
      case "integer", "number" -> "enter " + title;
      default -> "fill in " + title;
    };
  }

  /** The fetch node's choice between a registered step and an inline request, and others like it. */
  private static Located oneOf(Error error, JsonNode owner, String pointer, String kind) {
    JsonNode instance = error.getInstanceNode();
    if ("fetch".equals(kind)) {
      return instance.has("step") && instance.has("request")
          ? new Located(pointer + "/request", "keep either the data step or the request; a fetch uses one of them")
          : new Located(pointer + "/step", "choose a data step or write a request");
    }
    return new Located(pointer, owner.path("x-oneOf-message").asString("fill in the fields of one of the options"));
  }

  /**
   * The errors inside a {@code oneOf}'s alternatives (its own error says it), and what the
   * {@code then} or {@code else} of an {@code if} requires while the fields the {@code if} looks at
   * are not filled in yet (a fresh ticket lacks its action; asking for a case id as well is noise).
   */
  private static boolean insideAlternative(Error error, List<Object> location, JsonNode schemaDocument) {
    if (!"oneOf".equals(error.getKeyword()) && error.getEvaluationPath().toString().contains("oneOf")) {
      return true;
    }
    int branch = Math.max(location.indexOf("then"), location.indexOf("else"));
    if (branch < 0) {
      return false;
    }
    JsonNode condition = walk(schemaDocument, location.subList(0, branch)).path("if").path("properties");
    JsonNode instance = error.getInstanceNode();
    return condition.propertyNames().stream().anyMatch(name -> instance == null || !instance.has(name));
  }

  private static List<Object> fragment(Error error) {
    NodePath path = error.getSchemaLocation().getFragment();
    List<Object> elements = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      elements.add(path.getElement(i));
    }
    return elements;
  }

  private static JsonNode walk(JsonNode schema, List<Object> path) {
    JsonNode at = schema;
    for (Object element : path) {
      at = element instanceof Integer index ? at.path(index) : at.path(String.valueOf(element));
    }
    return at;
  }

  /** The last property name of the instance location (not an array index), for a field without a title. */
  private static String lastProperty(Error error) {
    NodePath path = error.getInstanceLocation();
    for (int i = path.getNameCount() - 1; i >= 0; i--) {
      if (!(path.getElement(i) instanceof Integer)) {
        return String.valueOf(path.getElement(i));
      }
    }
    return "value";
  }

  private static String suffix(String pointer) {
    return pointer.substring(Math.max(0, pointer.lastIndexOf('/')));
  }

  /** The values a field takes, by the labels its form shows them with ({@code x-enumLabels}) where it has them: "A, B or C". */
  private static String choices(JsonNode values, JsonNode labels) {
    List<String> shown = new ArrayList<>();
    values.forEach(v -> {
      String value = v.isString() ? v.asString() : v.toString();
      shown.add(labels.path(value).asString(value));
    });
    if (shown.size() < 2) {
      return String.join("", shown);
    }
    return String.join(", ", shown.subList(0, shown.size() - 1)) + " or " + shown.getLast();
  }

  private static String count(int n) {
    return n == 1 ? "one entry" : n + " entries";
  }

  private static String typeName(String type) {
    return switch (type) {
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "string" -> "a text";
      case "boolean" -> "yes or no";
      case "array" -> "a list";
      case "object" -> "a group of fields";
      default -> "of another kind";
    };
  }

  private static String formatName(String format) {
    return switch (format) {
      case "email" -> "e-mail address";
      case "uri", "url" -> "web address";
      case "date-time" -> "date and time";
      default -> format;
    };
  }

  static String escape(String property) {
    return property.replace("~", "~0").replace("/", "~1");
  }
}
