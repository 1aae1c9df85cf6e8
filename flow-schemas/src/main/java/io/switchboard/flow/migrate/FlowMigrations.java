package io.switchboard.flow.migrate;

import io.switchboard.flow.model.FlowDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The flow-format migrations, chained step by step from every older format to the current one.
 *
 * <p>Drafts and published versions keep the text they were saved with: a published version is
 * immutable and its text is what was reviewed and published, and a stored draft is the user's own.
 * So nothing is rewritten when the format changes; instead every read of a stored flow or of API
 * input ({@code FlowJson.readFlowTree}, {@code FlowJson.read}, the validator) brings the tree to the
 * current format first, and the rest of the code only ever sees that format.
 *
 * <p>To change the format: raise {@link FlowDocument#CURRENT_FORMAT} and the schema's
 * {@code format} constant, add a {@link FlowMigration} from the old format to the new one to
 * {@link #standard()}, and give it a golden before/after fixture under
 * {@code src/test/resources/migrations/}. The registry refuses, when it is built, two steps from one
 * format, a chain that stops short of the current format and a chain that loops.
 */
public final class FlowMigrations {
  private static final FlowMigrations STANDARD = of(FlowDocument.CURRENT_FORMAT, List.of());

  private final String current;
  private final List<FlowMigration> migrations;
  private final Map<String, List<FlowMigration>> chains;

  private FlowMigrations(String current, List<FlowMigration> migrations) {
    this.current = current;
    this.migrations = migrations;
    this.chains = chains(current, migrations);
  }

  /** The migrations of the real flow format, ending at {@link FlowDocument#CURRENT_FORMAT}. */
  public static FlowMigrations standard() {
    return STANDARD;
  }

  /**
   * A registry whose chains end at {@code current}.
   *
   * @throws IllegalArgumentException when two steps start at one format, a step starts at the
   *     current format, or a chain stops short of the current format or loops
   */
  public static FlowMigrations of(String current, List<? extends FlowMigration> migrations) {
    return new FlowMigrations(current, List.copyOf(migrations));
  }

  /** The format every chain ends at. */
  public String current() {
    return current;
  }

  /** Every registered step, in the order given. */
  public List<FlowMigration> migrations() {
    return migrations;
  }

  /** Brings a parsed flow document to the current format, one step at a time; the argument is left as it is. */
  public MigrationOutcome toCurrent(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      return new MigrationOutcome.Refused("a flow document is a JSON object");
    }
    JsonNode named = tree.get("format");
    if (named == null || !named.isString()) {
      return new MigrationOutcome.Refused("a flow document names its format: \"format\": \"" + current + "\"");
    }
    String format = named.asString();
    ObjectNode flow = (ObjectNode) tree;
    if (format.equals(current)) {
      return new MigrationOutcome.Migrated(flow);
    }
    List<FlowMigration> chain = chains.get(format);
    if (chain == null) {
      return new MigrationOutcome.Refused(isNewer(format)
          ? "the flow format '" + format + "' is newer than " + current + ", the newest this version of Switchboard reads"
          : "unknown flow format '" + format + "'; this version reads " + readable());
    }
    for (FlowMigration step : chain) {
      flow = step.migrate(flow);
      String written = flow.path("format").asString(null);
      if (!step.to().equals(written)) {
        throw new IllegalStateException(describe(step) + " wrote the format '" + written + "'");
      }
    }
    return new MigrationOutcome.Migrated(flow);
  }

  private String readable() {
    return chains.isEmpty() ? current : current + " and migrates " + String.join(", ", new TreeSet<>(chains.keySet()));
  }

  /** A format of the current one's family with a higher number, e.g. {@code switchboard.flow/2}. */
  private boolean isNewer(String format) {
    int slash = current.lastIndexOf('/');
    if (slash < 0 || !format.startsWith(current.substring(0, slash + 1))) {
      return false;
    }
    try {
      return Integer.parseInt(format.substring(slash + 1)) > Integer.parseInt(current.substring(slash + 1));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Map<String, List<FlowMigration>> chains(String current, List<FlowMigration> migrations) {
    Map<String, FlowMigration> byFrom = new LinkedHashMap<>();
    for (FlowMigration step : migrations) {
      if (step.from().equals(current)) {
        throw new IllegalArgumentException(describe(step) + " starts at the current format " + current
            + ", where every chain ends");
      }
      FlowMigration other = byFrom.putIfAbsent(step.from(), step);
      if (other != null) {
        throw new IllegalArgumentException("two migrations start at " + step.from() + ": " + describe(other)
            + " and " + describe(step));
      }
    }
    Map<String, List<FlowMigration>> chains = new LinkedHashMap<>();
    for (String start : byFrom.keySet()) {
      List<FlowMigration> chain = new ArrayList<>();
      List<String> path = new ArrayList<>(List.of(start));
      for (String format = start; !format.equals(current); ) {
        FlowMigration step = byFrom.get(format);
        if (step == null) {
          throw new IllegalArgumentException("no migration from " + format + ", so " + String.join(" -> ", path)
              + " stops short of " + current);
        }
        chain.add(step);
        format = step.to();
        if (path.contains(format)) {
          throw new IllegalArgumentException("the migrations loop: " + String.join(" -> ", path) + " -> " + format);
        }
        path.add(format);
      }
      chains.put(start, List.copyOf(chain));
    }
    return Map.copyOf(chains);
  }

  private static String describe(FlowMigration step) {
    return step.getClass().getSimpleName() + " (" + step.from() + " -> " + step.to() + ")";
  }
}
