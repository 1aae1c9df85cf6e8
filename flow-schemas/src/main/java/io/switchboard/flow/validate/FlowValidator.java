package io.switchboard.flow.validate;

import com.networknt.schema.Error;
import io.switchboard.flow.expr.ExpressionSyntax;
import io.switchboard.flow.json.FlowFormatException;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.schema.NodeTypeCatalog;
import io.switchboard.flow.schema.SchemaErrors;
import io.switchboard.flow.steps.StepDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Checks a flow document: first against the flow schema, then, once its structure binds, against
 * each node type's config schema and the semantic rules. Problems are values; nothing is thrown
 * except for text that is not a flow document at all.
 */
public final class FlowValidator {
  private final List<ValidationRule> rules;

  /**
   * @param syntax checks JavaScript beyond the simple subset
   * @param steps the registered data steps; fetch nodes that name one are checked against it
   */
  public FlowValidator(ExpressionSyntax syntax, StepDirectory steps) {
    List<ValidationRule> all = new ArrayList<>(List.of(
        new UniqueIdsRule(),
        new NodeConfigRule(),
        new TriggerRule(),
        new EdgeRule(),
        new ReachabilityRule(),
        new UnconnectedPortRule(),
        new AutomaticCycleRule(),
        new ExpressionRule(syntax),
        new VariableRule(steps == null ? id -> Optional.empty() : steps)));
    if (steps != null) {
      all.add(new DataStepRule(steps));
    }
    this.rules = List.copyOf(all);
  }

  /** A validator that does not know the registered data steps, so it leaves the steps fetch nodes name unchecked. */
  public FlowValidator(ExpressionSyntax syntax) {
    this(syntax, null);
  }

  /** A validator that cannot check JavaScript beyond the simple subset. */
  public FlowValidator() {
    this(ExpressionSyntax.LENIENT);
  }

  /**
   * Validates a JSON tree, brought to the current format first: the problems' pointers and the
   * document refer to the migrated tree, which is the tree itself when it is current.
   *
   * @throws FlowFormatException when the tree is not a flow document (not an object, a format that
   *     is unknown or newer than this version reads)
   */
  public ValidationResult validate(JsonNode tree) {
    JsonNode current = FlowJson.toCurrentFormat(tree);
    List<Problem> problems = new ArrayList<>();
    for (Error error : SchemaErrors.validate(NodeTypeCatalog.get().flowSchema(), current)) {
      if ("maxItems".equals(error.getKeyword()) && "/nodes".equals(SchemaErrors.pointer(error))) {
        problems.add(tooManyNodes(current.path("nodes").size()));
        continue;
      }
      SchemaSentences.of(error, NodeTypeCatalog.get().flowSchemaDocument(), "").ifPresent(found -> problems.add(
          Problem.error(found.pointer(), null, "The flow's source: " + found.sentence())));
    }
    if (!problems.isEmpty()) {
      return new ValidationResult(problems, Optional.empty());
    }
    FlowDocument document = FlowJson.toDocument(current);
    FlowGraph graph = new FlowGraph(document);
    for (ValidationRule rule : rules) {
      rule.check(graph, problems);
    }
    return new ValidationResult(problems, Optional.of(document));
  }

  /**
   * A flow beyond the node limit is refused before any rule walks its graph, so that no rule has to
   * be fast on graphs of any size.
   */
  private static Problem tooManyNodes(int count) {
    return Problem.error("/nodes", null, "The flow has " + count + " nodes; a flow can have at most "
        + NodeTypeCatalog.get().maxNodes() + ". Split it into smaller flows.");
  }

  public ValidationResult validate(String text) {
    return validate(FlowJson.readTree(text));
  }

  public ValidationResult validate(FlowDocument document) {
    return validate(FlowJson.mapper().valueToTree(document));
  }
}
