package io.switchboard.designer.flows.canvas;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.NodeTypeCatalog;
import io.switchboard.flow.schema.NodeTypeSchema;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the canvas knows of a node type, read from its schema file: name, help, icon, and the output
 * ports a node dropped from the palette starts with, resolved by the schema from the config it
 * starts with. An entry with a {@code preset} is a node type with its config filled in, such as
 * "Fetch variables" from one registered data step.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaletteEntry(String key, String type, String title, String help, String icon, String category, int order,
    List<String> ports, boolean waits, JsonNode preset) {

  /** One entry per node type, in palette order. */
  public static List<PaletteEntry> all() {
    return Arrays.stream(NodeType.values()).map(type -> of(NodeTypeCatalog.get().of(type)))
        .sorted(Comparator.comparingInt(PaletteEntry::order)).toList();
  }

  static PaletteEntry of(NodeTypeSchema schema) {
    JsonNode palette = schema.palette();
    return new PaletteEntry(schema.type().id(), schema.type().id(), schema.title(), schema.help(),
        palette.path("icon").asString(""), palette.path("category").asString(""), palette.path("order").asInt(99),
        schema.ports(FlowJson.mapper().createObjectNode()), schema.waits(), null);
  }

  /** This node type under its own key, title and help, starting with the given config and the ports it resolves to. */
  public PaletteEntry preset(String key, String title, String help, JsonNode config) {
    NodeTypeSchema schema = NodeTypeCatalog.get().of(NodeType.fromId(type).orElseThrow());
    return new PaletteEntry(key, type, title, help, icon, category, order, schema.ports(config), waits, config);
  }
}
