package io.switchboard.runtime.connector;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** One HTTP request a data step sends. */
public record HttpCall(String method, URI uri, Map<String, String> headers, String body, Duration timeout) {
  public HttpCall {
    headers = headers == null ? Map.of() : headers;
  }
}
