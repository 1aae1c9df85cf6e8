package io.switchboard.designer.flows.canvas;

import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.NodeTypeCatalog;
import io.switchboard.flow.schema.NodeTypeSchema;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.steps.StepSignature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the canvas knows of a node type, read from its schema file: name, help, icon, the ports it
 * always has and where further ports come from in its config. An entry with a {@code preset} is a
 * node type with its config filled in, such as "Fetch variables" from one registered data step.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaletteEntry(String key, String type, String title, String help, String icon, String category, int order,
    List<String> staticPorts, JsonNode portsFromConfig, boolean waits, JsonNode preset) {

  /** One entry per node type, in palette order. */
  public static List<PaletteEntry> all() {
    return Arrays.stream(NodeType.values()).map(type -> of(NodeTypeCatalog.get().of(type)))
        .sorted(Comparator.comparingInt(PaletteEntry::order)).toList();
  }

  /** The node types, with the data steps' entries right after "Fetch variables". */
  public static List<PaletteEntry> withSteps(List<StepSignature> steps) {
    List<PaletteEntry> entries = new ArrayList<>();
    for (PaletteEntry entry : all()) {
      entries.add(entry);
      if (entry.type().equals(NodeType.FETCH.id())) {
        steps.stream().sorted(Comparator.comparing(StepSignature::name)).forEach(step -> entries.add(forStep(entry, step)));
      }
    }
    return entries;
  }

  static PaletteEntry of(NodeTypeSchema schema) {
    JsonNode palette = schema.palette();
    return new PaletteEntry(schema.type().id(), schema.type().id(), schema.title(), schema.help(),
        palette.path("icon").asString(""), palette.path("category").asString(""), palette.path("order").asInt(99),
        schema.staticPorts(), schema.document().path("x-ports").path("fromConfig"), schema.waits(), null);
  }

  private static PaletteEntry forStep(PaletteEntry fetch, StepSignature step) {
    ObjectNode preset = FlowJson.mapper().createObjectNode().put("step", step.id());
    ObjectNode input = preset.putObject("input");
    step.inputs().forEach(i -> input.put(i.name(), ""));
    String needs = step.inputs().isEmpty() ? "no inputs" : "needs " + String.join(", ", step.inputs().stream()
        .map(i -> i.required() ? i.name() + "*" : i.name()).toList());
    String gives = step.outputs().isEmpty() ? "" : "; gives " + String.join(", ", step.outputs().stream()
        .map(StepSignature.Output::variable).toList());
    return new PaletteEntry("fetch:" + step.id(), fetch.type(), step.name(), "Fetch variables · " + needs + gives,
        fetch.icon(), fetch.category(), fetch.order(), fetch.staticPorts(), fetch.portsFromConfig(), fetch.waits(), preset);
  }
}
