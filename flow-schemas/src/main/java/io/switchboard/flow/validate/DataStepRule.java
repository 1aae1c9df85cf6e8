package io.switchboard.flow.validate;

import io.switchboard.flow.analysis.VariableScope;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.model.VariableDefinition;
import io.switchboard.flow.steps.StepDirectory;
import io.switchboard.flow.steps.StepSignature;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fetch node that names a registered data step: the step must exist, its required inputs must be
 * given, and the variables it gives back must not clash with the built-ins, with a declared variable
 * of another type, or with what another step upstream set.
 */
final class DataStepRule implements ValidationRule {
  private final StepDirectory steps;

  DataStepRule(StepDirectory steps) {
    this.steps = steps;
  }

  @Override
  public void check(FlowGraph flow, List<Problem> problems) {
    Map<String, String> declaredTypes = new HashMap<>();
    for (VariableDefinition variable : flow.document().variables()) {
      if (variable.type() != null) {
        declaredTypes.put(variable.name(), variable.type().jsonName());
      }
    }
    Map<FlowNode, StepSignature> fetches = new LinkedHashMap<>();
    for (FlowNode node : flow.nodes()) {
      String stepId = NodeType.FETCH.id().equals(node.type()) ? node.config().path("step").asString(null) : null;
      if (stepId == null) {
        continue;
      }
      String where = flow.nodePointer(node.id()) + "/config";
      var step = steps.find(stepId);
      if (step.isEmpty()) {
        problems.add(Problem.error(where + "/step", node.id(), FlowGraph.name(node) + ": uses the data step '" + stepId
            + "', which is not registered; choose a registered step or ask an integrator to add it."));
        continue;
      }
      fetches.put(node, step.get());
      checkInputs(node, step.get(), where, problems);
      checkOutputs(node, step.get(), where, declaredTypes, problems);
    }
    checkOverwrites(flow, fetches, problems);
  }

  private static void checkInputs(FlowNode node, StepSignature step, String where, List<Problem> problems) {
    var given = node.config().path("input");
    for (StepSignature.Input input : step.inputs()) {
      if (input.required() && given.path(input.name()).asString("").isBlank()) {
        problems.add(Problem.error(where + "/input/" + SchemaSentences.escape(input.name()), node.id(),
            FlowGraph.name(node) + ": fill in the input '" + input.name() + "' that data step '" + step.id() + "' requires."));
      }
    }
    for (String name : given.propertyNames()) {
      if (step.inputs().stream().noneMatch(i -> i.name().equals(name))) {
        problems.add(Problem.warning(where + "/input/" + name, node.id(), FlowGraph.name(node) + ": data step '"
            + step.id() + "' takes no input '" + name + "'; remove it."));
      }
    }
  }

  private static void checkOutputs(FlowNode node, StepSignature step, String where, Map<String, String> declaredTypes,
      List<Problem> problems) {
    for (StepSignature.Output output : step.outputs()) {
      if (VariableRule.BUILT_INS.contains(output.variable())) {
        problems.add(Problem.error(where + "/step", node.id(), FlowGraph.name(node) + ": data step '" + step.id()
            + "' gives '" + output.variable() + "', which is a built-in name; ask an integrator to rename that output."));
      }
      String declared = declaredTypes.get(output.variable());
      boolean overridden = node.config().path("output").has(output.variable());
      if (!overridden && declared != null && output.type() != null && !declared.equals(output.type())) {
        problems.add(Problem.error(where + "/step", node.id(), FlowGraph.name(node) + ": data step '" + step.id()
            + "' gives '" + output.variable() + "' as " + output.type() + ", but the flow declares '" + output.variable()
            + "' as " + declared + "; change the variable's type or map the answer in this step."));
      }
    }
  }

  /** Two different steps, one after the other, setting the same variable: the later silently replaces the earlier. */
  private static void checkOverwrites(FlowGraph flow, Map<FlowNode, StepSignature> fetches, List<Problem> problems) {
    for (var later : fetches.entrySet()) {
      Set<String> upstream = VariableScope.upstreamOf(flow.document(), later.getKey().id());
      for (var earlier : fetches.entrySet()) {
        if (later.getValue().id().equals(earlier.getValue().id()) || !upstream.contains(earlier.getKey().id())) {
          continue;
        }
        for (StepSignature.Output output : later.getValue().outputs()) {
          if (earlier.getValue().output(output.variable()).isPresent()) {
            problems.add(Problem.warning(flow.nodePointer(later.getKey().id()) + "/config/step", later.getKey().id(),
                FlowGraph.name(later.getKey()) + ": replaces '" + output.variable() + "', which "
                    + FlowGraph.name(earlier.getKey()) + " set before (data steps '" + earlier.getValue().id()
                    + "' and '" + later.getValue().id() + "' both give it)."));
          }
        }
      }
    }
  }
}
