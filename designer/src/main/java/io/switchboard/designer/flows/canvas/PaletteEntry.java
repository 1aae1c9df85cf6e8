package io.switchboard.designer.flows.canvas;

import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.NodeTypeCatalog;
import io.switchboard.flow.schema.NodeTypeSchema;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the canvas knows of a node type, read from its schema file: name, help, icon, the ports it
 * always has and where further ports come from in its config.
 */
public record PaletteEntry(String type, String title, String help, String icon, String category, int order,
    List<String> staticPorts, JsonNode portsFromConfig, boolean waits) {

  public static List<PaletteEntry> all() {
    return Arrays.stream(NodeType.values()).map(type -> of(NodeTypeCatalog.get().of(type)))
        .sorted(Comparator.comparingInt(PaletteEntry::order)).toList();
  }

  static PaletteEntry of(NodeTypeSchema schema) {
    JsonNode palette = schema.palette();
    return new PaletteEntry(schema.type().id(), schema.title(), schema.help(), palette.path("icon").asString(""),
        palette.path("category").asString(""), palette.path("order").asInt(99), schema.staticPorts(),
        schema.document().path("x-ports").path("fromConfig"), schema.waits());
  }
}
