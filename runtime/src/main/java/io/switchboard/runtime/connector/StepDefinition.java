package io.switchboard.runtime.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.flow.steps.StepSignature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data step as an integrator registers it (its shape is {@code schemas/data-step.schema.json}):
 * the request it sends, the inputs it needs, the variables it gives back, and how it behaves when
 * the other system is slow or failing. Text fields are {@code {{ }}} templates over {@code input.*}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepDefinition(String id, String name, String description, String method, String url,
    Map<String, String> query, Map<String, String> headers, String body, List<Input> inputs, List<Output> outputs,
    Integer timeoutMs, Retry retry, Breaker breaker, Integer maxResponseBytes, StepAuth.Definition auth) {

  public static final int DEFAULT_MAX_RESPONSE_BYTES = 1 << 20;

  public StepDefinition {
    method = method == null ? "GET" : method;
    query = query == null ? Map.of() : new LinkedHashMap<>(query);
    headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
    timeoutMs = timeoutMs == null ? 5000 : timeoutMs;
    retry = retry == null ? new Retry(null, null) : retry;
    breaker = breaker == null ? new Breaker(null, null) : breaker;
    maxResponseBytes = maxResponseBytes == null ? DEFAULT_MAX_RESPONSE_BYTES : maxResponseBytes;
    auth = auth == null ? StepAuth.Definition.NONE : auth;
  }

  /** A GET step with no inputs, outputs or authentication; for tests and tools. */
  public static StepDefinition get(String id, String url) {
    return new StepDefinition(id, id, null, "GET", url, null, null, null, null, null, null, null, null, null, null);
  }

  /** A value the step needs; {@code type} is a variable type's JSON name. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Input(String name, String type, Boolean required, String example, String description) {
    public Input {
      type = type == null ? "string" : type;
      required = required != null && required;
    }
  }

  /** A variable the step sets from its answer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Output(String variable, String type, String path, String description) {
    public Output {
      type = type == null ? "string" : type;
    }
  }

  /** Attempts in all (1 = no retry) and the delay before the second, doubled for each further one. */
  public record Retry(Integer maxAttempts, Integer backoffMs) {
    public Retry {
      maxAttempts = maxAttempts == null ? 3 : maxAttempts;
      backoffMs = backoffMs == null ? 200 : backoffMs;
    }
  }

  /** Opens when half of the last {@code window} calls failed; lets one call through after {@code openMs}. */
  public record Breaker(Integer window, Integer openMs) {
    public Breaker {
      window = window == null ? 10 : window;
      openMs = openMs == null ? 30_000 : openMs;
    }
  }

  public StepSignature signature() {
    return new StepSignature(id, name,
        inputs.stream().map(i -> new StepSignature.Input(i.name(), i.type(), i.required(), i.example(), i.description())).toList(),
        outputs.stream().map(o -> new StepSignature.Output(o.variable(), o.type(), o.path())).toList());
  }

  public StepDefinition withAuth(StepAuth.Definition newAuth) {
    return new StepDefinition(id, name, description, method, url, query, headers, body, inputs, outputs, timeoutMs, retry,
        breaker, maxResponseBytes, newAuth);
  }

  /** The same step with its secrets left out, as it may be shown or stored in clear. */
  public StepDefinition withoutSecrets() {
    return withAuth(auth.withoutSecrets());
  }
}
