package io.switchboard.flow.validate;

import io.switchboard.flow.expr.ExpressionSyntax;
import io.switchboard.flow.expr.SimpleExpressionParser;
import io.switchboard.flow.expr.Template;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.schema.ConfigFields;
import java.util.List;
import java.util.Optional;

/** Expressions and the holes of templates must parse. */
final class ExpressionRule implements ValidationRule {
  private final ExpressionSyntax syntax;

  ExpressionRule(ExpressionSyntax syntax) {
    this.syntax = syntax;
  }

  @Override
  public void check(FlowGraph flow, List<Problem> problems) {
    for (FlowNode node : flow.nodes()) {
      flow.typeOf(node).ifPresent(type -> ConfigFields.walk(type, node.config(), (kind, pointer, value) -> {
        String where = flow.nodePointer(node.id()) + "/config" + pointer;
        if ("expression".equals(kind)) {
          syntaxError(value).ifPresent(message -> problems.add(Problem.error(where, node.id(),
              FlowGraph.name(node) + ": the expression '" + value + "' is not valid: " + message)));
        } else if ("template".equals(kind)) {
          Template template = Template.parse(value);
          if (template.problem() != null) {
            problems.add(Problem.error(where, node.id(), FlowGraph.name(node) + ": in the text '"
                + value + "', " + template.problem() + "."));
          }
          for (String hole : template.expressions()) {
            syntaxError(hole).ifPresent(message -> problems.add(Problem.error(where, node.id(),
                FlowGraph.name(node) + ": '{{ " + hole + " }}' is not a valid expression: " + message)));
          }
        }
      }));
    }
  }

  private Optional<String> syntaxError(String expression) {
    if (SimpleExpressionParser.parse(expression).isPresent()) {
      return Optional.empty();
    }
    return syntax.check(expression);
  }
}
