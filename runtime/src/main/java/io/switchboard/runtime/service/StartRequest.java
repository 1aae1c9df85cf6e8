package io.switchboard.runtime.service;

import java.util.Map;

/**
 * Starts an interaction of a flow's newest published version.
 *
 * @param data extra trigger data (an e-mail's subject, a message's text, a call-list entry's name)
 * @param externalRef the provider's reference (a CallSid) for later status callbacks
 */
public record StartRequest(String flowId, String channel, String from, String to, Map<String, Object> variables,
    Map<String, Object> data, String externalRef) {

  public StartRequest {
    variables = variables == null ? Map.of() : variables;
    data = data == null ? Map.of() : data;
  }
}
