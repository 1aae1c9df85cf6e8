package io.switchboard.flow.model.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Config of a {@code fetch} node: either a registered data step with its inputs, or an inline
 * request; the JSON answer is mapped into variables by JSONPath.
 */
public record FetchConfig(
    String step,
    Map<String, String> input,
    HttpRequestConfig request,
    Map<String, String> output,
    Integer timeoutMs,
    Integer retries,
    Integer backoffMs) {

  public static final int DEFAULT_TIMEOUT_MS = 5000;
  public static final int DEFAULT_RETRIES = 2;
  public static final int DEFAULT_BACKOFF_MS = 200;

  public FetchConfig {
    input = input == null ? Map.of() : new LinkedHashMap<>(input);
    output = output == null ? Map.of() : new LinkedHashMap<>(output);
    timeoutMs = timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
    retries = retries == null ? DEFAULT_RETRIES : retries;
    backoffMs = backoffMs == null ? DEFAULT_BACKOFF_MS : backoffMs;
  }

  /** An inline HTTP request whose text fields are {@code {{ }}} templates. */
  public record HttpRequestConfig(String method, String url, Map<String, String> headers, String body) {
    public HttpRequestConfig {
      method = method == null ? "GET" : method;
      headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
    }
  }
}
