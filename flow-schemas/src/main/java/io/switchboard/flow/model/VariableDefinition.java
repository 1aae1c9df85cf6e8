package io.switchboard.flow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/** A declared, typed flow variable; expressions refer to it by name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "type", "label", "agentVisible", "default"})
public record VariableDefinition(
    String name,
    VariableType type,
    String label,
    Boolean agentVisible,
    @JsonProperty("default") JsonNode defaultValue) {

  public boolean shownToAgent() {
    return Boolean.TRUE.equals(agentVisible);
  }
}
