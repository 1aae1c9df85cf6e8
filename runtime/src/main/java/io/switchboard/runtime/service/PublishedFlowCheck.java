package io.switchboard.runtime.service;

import io.switchboard.flow.expr.ExpressionSyntax;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.steps.StepDirectory;
import io.switchboard.flow.validate.FlowValidator;
import io.switchboard.flow.validate.Problem;
import io.switchboard.runtime.connector.StepDefinition;
import io.switchboard.runtime.store.FlowRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether changing a data step would break the published flows that call it: each such flow's
 * published version is validated against the step as it is and as it would be, and every error
 * that only the change brings (a new required input, an output of another type, ...) is reported.
 */
final class PublishedFlowCheck {
  private final ExpressionSyntax syntax;
  private final StepDirectory current;

  PublishedFlowCheck(ExpressionSyntax syntax, StepDirectory current) {
    this.syntax = syntax;
    this.current = current;
  }

  /** The new errors, each prefixed with the flow it is in; empty when the change breaks nothing. */
  List<Problem> newErrors(StepDefinition changed, List<FlowRepository.Published> users) {
    StepDirectory after = id -> id.equals(changed.id()) ? Optional.of(changed.signature()) : current.find(id);
    FlowValidator before = new FlowValidator(syntax, current);
    FlowValidator then = new FlowValidator(syntax, after);
    List<Problem> found = new ArrayList<>();
    for (FlowRepository.Published flow : users) {
      var document = FlowJson.readTree(flow.document());
      Set<String> known = new HashSet<>();
      before.validate(document).problems().stream().filter(Problem::isError).forEach(p -> known.add(p.message()));
      then.validate(document).problems().stream().filter(p -> p.isError() && !known.contains(p.message()))
          .forEach(p -> found.add(new Problem(p.severity(), p.pointer(), p.nodeId(), p.edgeId(),
              "'" + flow.name() + "' (" + flow.flowId() + ", version " + flow.version() + "): " + p.message())));
    }
    return found;
  }
}
