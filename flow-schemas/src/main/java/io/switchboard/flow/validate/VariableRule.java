package io.switchboard.flow.validate;

import io.switchboard.flow.analysis.VariableScope;
import io.switchboard.flow.expr.Expr;
import io.switchboard.flow.expr.SimpleExpressionParser;
import io.switchboard.flow.expr.Template;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.VariableDefinition;
import io.switchboard.flow.schema.ConfigFields;
import io.switchboard.flow.steps.StepDirectory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Expressions should read, and nodes should write, declared variables only (plus the built-in
 * {@code trigger} and {@code interaction}); a declared default must fit the declared type.
 */
final class VariableRule implements ValidationRule {
  /** Names every expression can read without declaring them. */
  public static final Set<String> BUILT_INS = Set.of("trigger", "interaction");

  private final StepDirectory steps;

  /** @param steps the registered data steps, whose outputs count as declared */
  VariableRule(StepDirectory steps) {
    this.steps = steps;
  }

  @Override
  public void check(FlowGraph flow, List<Problem> problems) {
    Set<String> declared = new HashSet<>(BUILT_INS);
    List<VariableDefinition> variables = flow.document().variables();
    for (int i = 0; i < variables.size(); i++) {
      VariableDefinition variable = variables.get(i);
      declared.add(variable.name());
      if (variable.type() != null && !variable.type().accepts(variable.defaultValue())) {
        problems.add(Problem.error("/variables/" + i + "/default", null, "The variable '"
            + variable.name() + "': its default is not a " + variable.type().jsonName() + "; change the default or the type."));
      }
    }
    for (FlowNode node : flow.nodes()) {
      declared.addAll(VariableScope.stepOutputs(node, steps));
    }
    for (FlowNode node : flow.nodes()) {
      flow.typeOf(node).ifPresent(type -> ConfigFields.walk(type, node.config(), (kind, pointer, value) -> {
        String where = flow.nodePointer(node.id()) + "/config" + pointer;
        Set<String> read = new TreeSet<>();
        switch (kind) {
          case "expression" -> roots(value, read);
          case "template" -> Template.parse(value).expressions().forEach(e -> roots(e, read));
          case "variable-name" -> {
            if (!declared.contains(value)) {
              problems.add(Problem.warning(where, node.id(), FlowGraph.name(node) + ": stores a value in '"
                  + value + "', which is not a declared variable; declare it in the flow's variables.")
                  .withFix(Fix.declareVariable(value, "string")));
            }
          }
          default -> { }
        }
        read.removeAll(declared);
        for (String name : read) {
          problems.add(Problem.warning(where, node.id(), FlowGraph.name(node) + ": uses '" + name
              + "', which is not a declared variable; declare it in the flow's variables.")
              .withFix(Fix.declareVariable(name, readsMembers(value, name) ? "object" : "string")));
        }
      }));
    }
  }

  /** Whether the text reads a member of the variable ({@code customer.tier}), so that it holds an object. */
  private static boolean readsMembers(String text, String name) {
    return java.util.regex.Pattern.compile("(?<![\\w.$])" + java.util.regex.Pattern.quote(name) + "\\s*[.\\[]")
        .matcher(text).find();
  }

  private static void roots(String expression, Set<String> into) {
    SimpleExpressionParser.parse(expression).ifPresent((Expr e) -> e.collectRoots(into));
  }
}
