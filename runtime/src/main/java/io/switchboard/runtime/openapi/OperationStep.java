package io.switchboard.runtime.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.switchboard.runtime.connector.StepAuth;
import io.switchboard.runtime.connector.StepDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One OpenAPI operation turned into a data step. */
final class OperationStep {
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
  private static final int MAX_FIELDS = 100;

  private final OpenApiImporter.Refs refs;
  private final String method;
  private final String path;
  private final Operation operation;
  private final List<Parameter> parameters;
  private final Map<String, String> inputNames = new LinkedHashMap<>();

  OperationStep(OpenApiImporter.Refs refs, String method, String path, Operation operation, List<Parameter> parameters) {
    this.refs = refs;
    this.method = method;
    this.path = path;
    this.operation = operation;
    this.parameters = parameters;
  }

  /** @param taken the ids earlier steps of the same import took; this step's id is added */
  StepDefinition toStep(String baseUrl, StepAuth.Definition auth, java.util.Set<String> taken) {
    List<StepDefinition.Input> inputs = new ArrayList<>();
    Map<String, String> query = new LinkedHashMap<>();
    Map<String, String> headers = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      if (p.getName() == null || p.getIn() == null || inputs.size() >= MAX_FIELDS) {
        continue;
      }
      String input = inputName(p.getName());
      boolean required = "path".equals(p.getIn()) || Boolean.TRUE.equals(p.getRequired());
      Schema<?> schema = refs.schema(p.getSchema());
      switch (p.getIn()) {
        case "query" -> query.put(p.getName(), "{{ input." + input + " }}");
        case "header" -> {
          if (SKIPPED.contains(p.getName().toLowerCase(Locale.ROOT))) {
            continue;
          }
          headers.put(p.getName(), "{{ input." + input + " }}");
        }
        case "path" -> { }
        default -> {
          continue;
        }
      }
      inputs.add(new StepDefinition.Input(input, type(schema), required, example(p.getExample(), schema),
          shorten(p.getDescription(), 500)));
    }
    String body = body(inputs);
    String url = stripSlash(baseUrl) + PATH_PARAMETER.matcher(path).replaceAll(m ->
        Matcher.quoteReplacement("{{ input." + inputName(m.group(1)) + " }}"));
    String name = StepNames.name(operation.getOperationId(), operation.getSummary(), method, path);
    String description = StepNames.description(operation.getOperationId(), operation.getSummary(),
        operation.getDescription());
    return new StepDefinition(StepNames.unique(id(), taken), shorten(name, 100), shorten(description, 2000), method, url,
        query,
        headers, body, inputs, outputs(), null, null, null, null, auth);
  }

  private static final java.util.Set<String> SKIPPED = java.util.Set.of("authorization", "accept", "content-type");

  private String body(List<StepDefinition.Input> inputs) {
    if (operation.getRequestBody() == null) {
      return null;
    }
    Optional<Schema<?>> schema = OpenApiImporter.Refs.json(refs.body(operation.getRequestBody()).getContent(), refs);
    if (schema.isEmpty() || schema.get().getProperties() == null) {
      return null;
    }
    List<String> required = schema.get().getRequired() == null ? List.of() : schema.get().getRequired();
    List<String> fields = new ArrayList<>();
    schema.get().getProperties().forEach((property, raw) -> {
      if (inputs.size() >= MAX_FIELDS) {
        return;
      }
      Schema<?> propertySchema = refs.schema(raw);
      String input = inputName(property);
      String type = type(propertySchema);
      inputs.add(new StepDefinition.Input(input, type, required.contains(property), example(null, propertySchema),
          propertySchema == null ? null : shorten(propertySchema.getDescription(), 500)));
      String hole = "{{ input." + input + " }}";
      fields.add(io.switchboard.flow.json.FlowJson.compact(property) + ": " + ("string".equals(type) ? "\"" + hole + "\"" : hole));
    });
    return "{" + String.join(", ", fields) + "}";
  }

  private List<StepDefinition.Output> outputs() {
    if (operation.getResponses() == null) {
      return List.of();
    }
    Optional<ApiResponse> success = operation.getResponses().entrySet().stream()
        .filter(e -> e.getKey().startsWith("2")).map(Map.Entry::getValue).findFirst()
        .or(() -> Optional.ofNullable(operation.getResponses().get("default")));
    Optional<Schema<?>> schema = success.flatMap(r -> OpenApiImporter.Refs.json(refs.response(r).getContent(), refs));
    if (schema.isEmpty()) {
      return List.of();
    }
    String prefix = "$";
    Schema<?> object = schema.get();
    if ("array".equals(type(object)) && object.getItems() != null) {
      prefix = "$[0]";
      object = refs.schema(object.getItems());
    }
    if (object == null || object.getProperties() == null) {
      return List.of();
    }
    List<StepDefinition.Output> outputs = new ArrayList<>();
    for (var entry : object.getProperties().entrySet()) {
      if (outputs.size() >= MAX_FIELDS) {
        break;
      }
      Schema<?> property = refs.schema(entry.getValue());
      String pathExpression = entry.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")
          ? prefix + "." + entry.getKey()
          : prefix + "['" + entry.getKey().replace("'", "\\'") + "']";
      outputs.add(new StepDefinition.Output(inputName(entry.getKey()), type(property), pathExpression,
          property == null ? null : shorten(property.getDescription(), 500)));
    }
    return outputs;
  }

  private String id() {
    return idFor(operation.getOperationId(), method, path);
  }

  /** The id of the step made from an operation: its operationId in kebab case, else method and path. */
  static String idFor(String operationId, String method, String path) {
    String source = operationId != null ? operationId.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        : method + "-" + path;
    String id = source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    id = id.isEmpty() ? "step" : id;
    return id.length() > 64 ? id.substring(0, 64).replaceAll("-+$", "") : id;
  }

  /** A parameter or property name as a variable-safe input name: {@code customer-id} becomes {@code customer_id}. */
  private String inputName(String name) {
    return inputNames.computeIfAbsent(name, n -> {
      String safe = n.replaceAll("[^A-Za-z0-9_]", "_");
      safe = safe.matches("[A-Za-z_].*") ? safe : "_" + safe;
      return safe.length() > 64 ? safe.substring(0, 64) : safe;
    });
  }

  private static String type(Schema<?> schema) {
    if (schema == null) {
      return "string";
    }
    String type = schema.getType() != null ? schema.getType()
        : schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().iterator().next() : null;
    return switch (type == null ? "" : type) {
      case "integer", "number" -> "number";
      case "boolean" -> "boolean";
      case "object" -> "object";
      case "array" -> "array";
      default -> schema.getProperties() != null ? "object" : "string";
    };
  }

  private static String example(Object example, Schema<?> schema) {
    Object value = example != null ? example : schema == null ? null : schema.getExample();
    return value == null ? null : shorten(String.valueOf(value), 1000);
  }

  private static String shorten(String text, int max) {
    return text == null ? null : text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
