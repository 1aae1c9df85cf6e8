package io.switchboard.runtime.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.switchboard.runtime.connector.StepAuth;
import io.switchboard.runtime.connector.StepDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an OpenAPI 3 document (JSON or YAML, with swagger-parser) and proposes one data step per
 * chosen operation: the URL from the server and path, inputs from the path, query and header
 * parameters and the JSON request body's properties, outputs from the success response's schema,
 * authentication from the security scheme. Only references inside the document are followed;
 * nothing is fetched from the network.
 */
public final class OpenApiImporter {
  /** One operation of the document, as an integrator picks it. */
  public record Operation(String key, String method, String path, String operationId, String summary) {
    /** The id of the data step an import makes of it (the second of two alike in one import gets a suffix). */
    public String stepId() {
      return OperationStep.idFor(operationId, method, path);
    }
  }

  /** What the document offers. */
  public record Contents(String title, List<String> servers, List<Operation> operations, StepAuth.Definition auth,
      List<String> notes) {}

  /**
   * @throws IllegalArgumentException when the text is not an OpenAPI 3 document, with the parser's messages
   */
  public Contents read(String text) {
    OpenAPI api = parse(text);
    List<Operation> operations = new ArrayList<>();
    if (api.getPaths() != null) {
      api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> operations.add(
          new Operation(method.name() + " " + path, method.name(), path, op.getOperationId(), op.getSummary()))));
    }
    List<String> servers = api.getServers() == null ? List.of()
        : api.getServers().stream().map(s -> s.getUrl()).filter(u -> u != null && u.matches("https?://.*")).toList();
    List<String> notes = new ArrayList<>();
    if (servers.isEmpty()) {
      notes.add("The document names no absolute server URL; give the base URL of the API.");
    }
    String title = api.getInfo() == null ? null : api.getInfo().getTitle();
    return new Contents(title, servers, operations, auth(api, notes), notes);
  }

  /**
   * Data steps for the chosen operations.
   *
   * @param keys operation keys as {@link #read} lists them ("GET /customers/{id}")
   * @param baseUrl the server URL to put in front of the paths
   * @throws IllegalArgumentException naming an operation the document does not have
   */
  public List<StepDefinition> steps(String text, List<String> keys, String baseUrl, StepAuth.Definition auth) {
    OpenAPI api = parse(text);
    Refs refs = new Refs(api);
    List<StepDefinition> steps = new ArrayList<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (String key : keys) {
      int space = key.indexOf(' ');
      String method = space < 0 ? "" : key.substring(0, space).toUpperCase(Locale.ROOT);
      String path = space < 0 ? key : key.substring(space + 1);
      PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
      io.swagger.v3.oas.models.Operation op = item == null ? null : item.readOperationsMap().entrySet().stream()
          .filter(e -> e.getKey().name().equals(method)).map(Map.Entry::getValue).findFirst().orElse(null);
      if (op == null) {
        throw new IllegalArgumentException("the document has no operation '" + key + "'");
      }
      List<Parameter> parameters = new ArrayList<>();
      if (item.getParameters() != null) {
        item.getParameters().forEach(p -> parameters.add(refs.parameter(p)));
      }
      if (op.getParameters() != null) {
        op.getParameters().forEach(p -> parameters.add(refs.parameter(p)));
      }
      steps.add(new OperationStep(refs, method, path, op, parameters).toStep(baseUrl, auth, ids));
    }
    return steps;
  }

  private static OpenAPI parse(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    if (result == null || result.getOpenAPI() == null || result.getOpenAPI().getOpenapi() == null
        || !result.getOpenAPI().getOpenapi().startsWith("3")) {
      List<String> messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();
      throw new IllegalArgumentException("this is not an OpenAPI 3 document" + (messages.isEmpty() ? ""
          : ": " + String.join("; ", messages.subList(0, Math.min(5, messages.size())))));
    }
    return result.getOpenAPI();
  }

  /** The first security scheme the document applies everywhere, as a step's authentication without secrets. */
  private static StepAuth.Definition auth(OpenAPI api, List<String> notes) {
    if (api.getComponents() == null || api.getComponents().getSecuritySchemes() == null) {
      return StepAuth.Definition.NONE;
    }
    for (SecurityScheme scheme : api.getComponents().getSecuritySchemes().values()) {
      Optional<StepAuth.Definition> auth = switch (scheme.getType()) {
        case APIKEY -> scheme.getIn() == SecurityScheme.In.COOKIE ? Optional.empty() : Optional.of(new StepAuth.Definition(
            "api-key", scheme.getName(), scheme.getIn() == SecurityScheme.In.QUERY ? "query" : "header", null, null, null,
            null, null, null, null));
        case HTTP -> "basic".equalsIgnoreCase(scheme.getScheme())
            ? Optional.of(new StepAuth.Definition("basic", null, null, null, null, null, null, null, null, null))
            : Optional.of(new StepAuth.Definition("bearer", null, null, null, null, null, null, null, null, null));
        case OAUTH2 -> Optional.ofNullable(scheme.getFlows()).map(f -> f.getClientCredentials()).map(flow ->
            new StepAuth.Definition("oauth2", null, null, null, null, null, flow.getTokenUrl(), null, null,
                flow.getScopes() == null ? null : String.join(" ", flow.getScopes().keySet())));
        default -> Optional.empty();
      };
      if (auth.isPresent()) {
        notes.add("The API uses " + auth.get().kind() + " authentication; give its credentials before the steps can run.");
        return auth.get();
      }
    }
    return StepAuth.Definition.NONE;
  }

  /** Follows references to the document's own components; a reference elsewhere is left unresolved. */
  static final class Refs {
    private final OpenAPI api;

    Refs(OpenAPI api) {
      this.api = api;
    }

    Parameter parameter(Parameter p) {
      return follow(p, Parameter::get$ref, io.swagger.v3.oas.models.Components::getParameters);
    }

    RequestBody body(RequestBody body) {
      return follow(body, RequestBody::get$ref, io.swagger.v3.oas.models.Components::getRequestBodies);
    }

    ApiResponse response(ApiResponse response) {
      return follow(response, ApiResponse::get$ref, io.swagger.v3.oas.models.Components::getResponses);
    }

    /** The component a {@code $ref} names, followed through further references (at most 20). */
    private <T> T follow(T item, java.util.function.Function<T, String> ref,
        java.util.function.Function<io.swagger.v3.oas.models.Components, Map<String, T>> pool) {
      for (int depth = 0; item != null && ref.apply(item) != null && depth < 20; depth++) {
        Map<String, T> components = api.getComponents() == null ? null : pool.apply(api.getComponents());
        T target = components == null ? null : components.get(last(ref.apply(item)));
        if (target == null) {
          return item;
        }
        item = target;
      }
      return item;
    }

    @SuppressWarnings("rawtypes")
    Schema schema(Schema schema) {
      return follow(schema, Schema::get$ref, io.swagger.v3.oas.models.Components::getSchemas);
    }

    static Optional<Schema<?>> json(Map<String, MediaType> content, Refs refs) {
      if (content == null) {
        return Optional.empty();
      }
      return content.entrySet().stream().filter(e -> e.getKey().contains("json")).findFirst()
          .map(e -> e.getValue().getSchema()).map(s -> (Schema<?>) refs.schema(s));
    }

    private static String last(String ref) {
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
  }
}
