package io.switchboard.runtime.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.runtime.connector.HttpCall;
import io.switchboard.runtime.connector.HttpDataStep;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.connector.Redactor;
import io.switchboard.runtime.connector.StepDefinition;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Result;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The integrators' Test button: sends a step's request once with sample inputs (no retry, no
 * circuit breaker) and reports the request as sent, the status, the raw answer, the variables it
 * maps to and the time taken. Secrets are redacted from all of it.
 */
public final class DataStepTester {
  /** How much of the raw answer a test shows. */
  public static final int SHOWN_BYTES = 64 * 1024;

  /** The request as it went out, secrets redacted. */
  public record SentRequest(String method, String url, Map<String, String> headers, String body) {}

  /** What a test run found; {@code error} says why the step would fail in a flow, if it would. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Report(SentRequest request, Integer status, String contentType, String response, boolean responseCut,
      Map<String, Object> outputs, String error, String errorCode, long millis) {
    public boolean ok() {
      return error == null;
    }
  }

  /** @param inputs sample inputs; an input left out takes its declared example */
  public Report test(HttpDataStep step, Map<String, Object> inputs) {
    StepDefinition definition = step.definition();
    Map<String, Object> input = new LinkedHashMap<>();
    definition.inputs().forEach(i -> {
      if (i.example() != null) {
        input.put(i.name(), i.example());
      }
    });
    if (inputs != null) {
      input.putAll(inputs);
    }
    long start = System.nanoTime();
    Redactor redactor = step.redactor();
    Result<HttpCall> request = step.request(input);
    if (!(request instanceof Result.Ok<HttpCall>(HttpCall call))) {
      return failed(null, request.failure(), redactor, start);
    }
    Result<HttpFetcher.Response> exchanged = step.tryOnce(call);
    if (!(exchanged instanceof Result.Ok<HttpFetcher.Response>(HttpFetcher.Response response))) {
      return failed(sent(call, redactor), exchanged.failure(), redactor, start);
    }
    long millis = millisSince(start);
    Map<String, Object> outputs = new LinkedHashMap<>();
    Result<Object> answer = HttpFetcher.interpret("data step '" + definition.id() + "'", response,
        definition.maxResponseBytes());
    answer.map(value -> {
      step.outputs().apply(value, outputs::put);
      return value;
    });
    Failure failure = answer.failure();
    byte[] body = response.body();
    boolean cut = body.length > SHOWN_BYTES;
    String shown = new String(body, 0, Math.min(body.length, SHOWN_BYTES), StandardCharsets.UTF_8);
    return new Report(sent(call, redactor), response.status(), response.contentType(), redactor.redact(shown), cut,
        failure == null ? redactOutputs(outputs, redactor) : null, failure == null ? null : redactor.redact(failure.message()),
        failure == null ? null : failure.code().name(), millis);
  }

  private static Report failed(SentRequest sent, Failure failure, Redactor redactor, long start) {
    return new Report(sent, null, null, null, false, null, redactor.redact(failure.message()), failure.code().name(),
        millisSince(start));
  }

  private static SentRequest sent(HttpCall call, Redactor redactor) {
    Map<String, String> headers = new LinkedHashMap<>();
    HttpFetcher.headersSent(call).forEach((k, v) -> headers.put(k, redactor.redact(v)));
    return new SentRequest(call.method(), redactor.redact(call.uri().toString()), headers, redactor.redact(call.body()));
  }

  private static Map<String, Object> redactOutputs(Map<String, Object> outputs, Redactor redactor) {
    Map<String, Object> redacted = new LinkedHashMap<>();
    outputs.forEach((k, v) -> redacted.put(k, redactor.redactValues(v)));
    return redacted;
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
