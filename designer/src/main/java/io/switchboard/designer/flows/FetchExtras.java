package io.switchboard.designer.flows;

import io.switchboard.designer.flows.canvas.PaletteEntry;
import io.switchboard.designer.flows.properties.StepChoices;
import io.switchboard.flow.analysis.VariableScope;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.steps.StepDirectory;
import io.switchboard.flow.steps.StepSignature;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a fetch node adds to the designer beyond its schema, all from the registered data steps:
 * one palette entry per step, the step picker's list, what the picked step needs and gives under
 * the node's heading, an input row for each input it declares, and the variables it gives among
 * the names offered downstream. Everything else the designer does with a fetch node follows from
 * its schema, as for any node type.
 */
final class FetchExtras implements StepChoices {
  private static final String FETCH = NodeType.FETCH.id();
  /** Words in an input's name or type that say it takes a phone number, which the caller's number fits. */
  private static final List<String> PHONE_WORDS = List.of("phone", "msisdn", "caller", "mobile", "cell");

  private final Supplier<? extends Collection<String>> stepIds;
  private final StepDirectory steps;

  /**
   * @param stepIds the ids of the data steps registered now
   * @param steps what each of them needs and gives
   */
  FetchExtras(Supplier<? extends Collection<String>> stepIds, StepDirectory steps) {
    this.stepIds = stepIds;
    this.steps = steps;
  }

  /** The palette: the node types, with one entry per registered data step right after "Fetch variables". */
  List<PaletteEntry> palette() {
    List<StepSignature> registered = stepIds.get().stream().map(steps::find).flatMap(Optional::stream)
        .sorted(Comparator.comparing(StepSignature::name)).toList();
    List<PaletteEntry> entries = new ArrayList<>();
    for (PaletteEntry entry : PaletteEntry.all()) {
      entries.add(entry);
      if (entry.type().equals(FETCH)) {
        registered.forEach(step -> entries.add(presetFor(entry, step)));
      }
    }
    return entries;
  }

  /**
   * A fetch node that names the step, with a row for each of its inputs, filled where what the
   * trigger always brings fits (the caller's number for a phone input), so that a dropped step does
   * not start with a missing input it could have known.
   */
  private static PaletteEntry presetFor(PaletteEntry fetch, StepSignature step) {
    ObjectNode config = FlowJson.mapper().createObjectNode().put("step", step.id());
    ObjectNode input = config.putObject("input");
    step.inputs().forEach(i -> input.put(i.name(), Objects.requireNonNullElse(suggestion(i, VariableScope.BUILT_INS), "")));
    String gives = step.outputs().isEmpty() ? "" : "; gives " + String.join(", ", step.outputs().stream()
        .map(StepSignature.Output::variable).toList());
    return fetch.preset(FETCH + ":" + step.id(), step.name(), "Fetch variables · " + needs(step) + gives, config);
  }

  @Override
  public List<String> ids() {
    return stepIds.get().stream().sorted().toList();
  }

  @Override
  public String label(String id) {
    return steps.find(id).map(step -> step.name() + " (" + step.id() + ")"
        + (step.inputs().isEmpty() ? "" : " · " + needs(step))).orElse(id);
  }

  @Override
  public List<StepInput> inputs(String stepId, List<String> readable) {
    return steps.find(stepId).map(step -> step.inputs().stream().map(i -> new StepInput(i.name(), help(i), i.required(),
        suggestion(i, readable))).toList()).orElse(List.of());
  }

  @Override
  public List<String> given(String stepId) {
    return steps.find(stepId).map(step -> step.outputs().stream().map(o -> o.variable() + " ← " + o.path()).toList())
        .orElse(List.of());
  }

  /** What the integrator wrote of the input, then whether it is needed, then an example. */
  static String help(StepSignature.Input input) {
    String need = input.required() ? "The data step needs this." : "Optional.";
    String described = input.description() == null || input.description().isBlank() ? need
        : sentence(input.description().strip()) + " " + need;
    return input.example() == null ? described : described + " For example " + input.example() + ".";
  }

  private static String sentence(String text) {
    return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
  }

  /**
   * A value for an input from the names readable at the node: a variable of the same name (or
   * ending in it, like customer.phone for phone), else the caller's number for a phone input;
   * null when nothing fits.
   */
  static String suggestion(StepSignature.Input input, List<String> readable) {
    String name = input.name().toLowerCase(Locale.ROOT);
    for (String variable : readable) {
      String last = variable.substring(variable.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      if (!VariableScope.BUILT_INS.contains(variable) && last.equals(name)) {
        return "{{ " + variable + " }}";
      }
    }
    String kind = name + " " + (input.type() == null ? "" : input.type().toLowerCase(Locale.ROOT));
    boolean phone = PHONE_WORDS.stream().anyMatch(kind::contains);
    return phone && readable.contains("trigger.from") ? "{{ trigger.from }}" : null;
  }

  private static String needs(StepSignature step) {
    return step.inputs().isEmpty() ? "no inputs" : "needs " + String.join(", ", step.inputs().stream()
        .map(i -> i.required() ? i.name() : i.name() + " (optional)").toList());
  }

  /** Under a fetch node's heading: what its data step needs and gives; nothing for a node that names no step. */
  Optional<String> stepInfo(JsonNode node) {
    String stepId = stepOf(node.path("type").asString(""), node.path("config"));
    if (stepId == null) {
      return Optional.empty();
    }
    return Optional.of(steps.find(stepId).map(step -> "Data step " + step.name() + " (" + step.id() + "). Needs: "
        + (step.inputs().isEmpty() ? "nothing" : String.join(", ", step.inputs().stream().map(FetchExtras::describe)
            .toList()))
        + ". Gives: " + (step.outputs().isEmpty() ? "nothing declared" : String.join(", ", step.outputs().stream()
            .map(o -> o.variable() + " (" + o.type() + ")").toList())) + ".")
        .orElse("The data step '" + stepId + "' is not registered."));
  }

  private static String describe(StepSignature.Input input) {
    List<String> notes = new ArrayList<>();
    if (input.required()) {
      notes.add("required");
    }
    if (input.example() != null) {
      notes.add("e.g. " + input.example());
    }
    return input.name() + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
  }

  /**
   * A fetch node's config that names a data step gets a row for each input the step declares that
   * it lacks, filled like a dropped step's where what the trigger brings fits.
   */
  JsonNode withStepInputs(String type, JsonNode config) {
    String stepId = stepOf(type, config);
    if (stepId == null || !(config instanceof ObjectNode object)) {
      return config;
    }
    steps.find(stepId).ifPresent(step -> {
      ObjectNode input = object.get("input") instanceof ObjectNode given ? given : object.putObject("input");
      step.inputs().forEach(i -> {
        if (!input.has(i.name())) {
          input.put(i.name(), Objects.requireNonNullElse(suggestion(i, VariableScope.BUILT_INS), ""));
        }
      });
    });
    return config;
  }

  /**
   * What an expression at the node can read: set upstream, counting what the data steps of fetch
   * nodes upstream give; declared with a default; built in. A document that does not bind yet
   * offers its declared variables.
   */
  List<String> readableAt(JsonNode document, String nodeId) {
    List<String> names = new ArrayList<>();
    if (document != null && nodeId != null) {
      try {
        names.addAll(VariableScope.availableAt(FlowJson.toDocument(document), nodeId, steps));
      } catch (RuntimeException malformed) {
        document.path("variables").forEach(v -> names.add(v.path("name").asString()));
      }
    }
    names.addAll(VariableScope.BUILT_INS);
    return names;
  }

  private static String stepOf(String type, JsonNode config) {
    return FETCH.equals(type) && config != null ? config.path("step").asString(null) : null;
  }
}
