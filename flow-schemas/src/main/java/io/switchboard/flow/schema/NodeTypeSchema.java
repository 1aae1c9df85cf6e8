package io.switchboard.flow.schema;

import com.networknt.schema.Schema;
import io.switchboard.flow.model.NodeType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What one node type's schema file says: its config schema, its palette entry, its output ports
 * (fixed ones and those derived from config) and whether it waits.
 */
public final class NodeTypeSchema {
  private final NodeType type;
  private final JsonNode document;
  private final Schema configSchema;

  NodeTypeSchema(NodeType type, JsonNode document, Schema configSchema) {
    this.type = type;
    this.document = document;
    this.configSchema = configSchema;
  }

  public NodeType type() {
    return type;
  }

  /** The schema file as JSON, for editors that build forms from it. */
  public JsonNode document() {
    return document;
  }

  public String title() {
    return document.path("title").asString();
  }

  public String help() {
    return document.path("description").asString();
  }

  public JsonNode palette() {
    return document.path("x-palette");
  }

  /** True when the node stops the interaction until an answer, a timer or an event arrives. */
  public boolean waits() {
    return document.path("x-waits").asBoolean(false);
  }

  Schema configSchema() {
    return configSchema;
  }

  /** The output ports of a node of this type with this config, in display order. */
  public List<String> ports(JsonNode config) {
    JsonNode spec = document.path("x-ports");
    Set<String> ports = new LinkedHashSet<>();
    JsonNode derived = spec.path("fromConfig");
    if (derived.isObject() && config != null) {
      for (JsonNode item : config.path(derived.path("array").asString())) {
        JsonNode port = item.path(derived.path("key").asString());
        if (port.isString() && !port.asString().isEmpty()) {
          ports.add(port.asString());
        }
      }
    }
    for (JsonNode port : spec.path("static")) {
      ports.add(port.asString());
    }
    return new ArrayList<>(ports);
  }

  /** Ports that may stay unconnected without a warning (the interaction is simply handed on). */
  public Set<String> optionalPorts() {
    Set<String> ports = new LinkedHashSet<>();
    document.path("x-ports").path("optional").forEach(p -> ports.add(p.asString()));
    return ports;
  }
}
