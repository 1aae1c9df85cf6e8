package io.switchboard.runtime.failure;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a step did not do what it set out to do, as a value: a code from a closed set that a flow can
 * branch on ({@code interaction.error.code}), a sentence for a business user, whether trying again
 * may help, and details such as the HTTP status ({@code interaction.error.status}). Messages never
 * carry a secret or a response body.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Failure(Code code, String message, boolean retryable, @JsonIgnore Map<String, Object> details) {

  /** The closed set of failure codes; flows and integrations rely on these names. */
  public enum Code {
    /** No answer within the time limit. */
    timeout,
    /** The connection could not be made or broke off. */
    connection,
    /** The server answered with an error status (detail {@code status}). */
    http_status,
    /** The answer was not JSON, or not valid JSON. */
    not_json,
    /** The answer was larger than the limit (detail {@code limitBytes}). */
    too_large,
    /** The outbound guard refused the address. */
    refused_by_guard,
    /** The data step is paused after repeated failures (circuit open). */
    circuit_open,
    /** The data step named by the node is not registered. */
    not_registered,
    /** The request could not be built: not a valid URL, too many redirects, an authentication fault. */
    invalid_request,
    /** An expression or template failed. */
    expression,
    /** A value handed to a step does not fit what it takes. */
    invalid_input,
    /** An e-mail had no valid recipient. */
    no_recipient,
    /** The case a ticket step names does not exist, or no case was named. */
    not_found,
    /** The forward had no destination, or a reply no conversation to go back in. */
    no_target,
    /** The flow took too many automatic steps without waiting. */
    loop_guard,
    /** A bug: logged once with its stack trace. */
    unexpected
  }

  public Failure {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  public static Failure of(Code code, String message) {
    return new Failure(code, message, false, Map.of());
  }

  /** A failure that a later attempt may not meet (timeouts, broken connections, 5xx). */
  public static Failure retryable(Code code, String message) {
    return new Failure(code, message, true, Map.of());
  }

  public Failure with(String detail, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(details);
    more.put(detail, value);
    return new Failure(code, message, retryable, more);
  }

  public Failure withMessage(String newMessage) {
    return new Failure(code, newMessage, retryable, details);
  }

  /** The details beside code, message and retryable in JSON: {@code {"code":"http_status","status":404,…}}. */
  @JsonAnyGetter
  public Map<String, Object> jsonDetails() {
    return details;
  }

  /** The message with the code a flow branches on, for step logs on screen: "… HTTP 404 (http_status)". */
  public String describe() {
    return message + " (" + code + ")";
  }

  /** What a flow reads as {@code interaction.error}. */
  public Map<String, Object> asVariable() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("code", code.name());
    value.put("message", message);
    value.put("retryable", retryable);
    value.putAll(details);
    return value;
  }

  /** Reads what {@link #asVariable()} wrote, e.g. from the store; unknown codes read as {@code unexpected}. */
  public static Failure fromMap(Map<String, Object> map) {
    Map<String, Object> details = new LinkedHashMap<>(map);
    Object code = details.remove("code");
    Object message = details.remove("message");
    Object retryable = details.remove("retryable");
    Code parsed;
    try {
      parsed = Code.valueOf(String.valueOf(code));
    } catch (IllegalArgumentException e) {
      parsed = Code.unexpected;
    }
    return new Failure(parsed, message == null ? "" : String.valueOf(message), Boolean.TRUE.equals(retryable), details);
  }
}
