package io.switchboard.runtime.node.branch;

import io.switchboard.runtime.failure.Result;
import io.switchboard.flow.expr.JsValues;
import io.switchboard.flow.model.config.BranchConfig;
import io.switchboard.runtime.expr.CompiledExpression;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.StepContext;

/** Takes the port of the first case whose condition is truthy, else {@code else}. */
public final class BranchExecutor implements NodeExecutor {
  private final CompiledExpression[] conditions;
  private final int[] ports;
  private final int otherwise;

  public BranchExecutor(CompileContext context) {
    BranchConfig config = context.config(BranchConfig.class);
    this.conditions = config.cases().stream().map(c -> context.expressions().expression(c.when()))
        .toArray(CompiledExpression[]::new);
    this.ports = config.cases().stream().mapToInt(c -> context.ports().index(c.port())).toArray();
    this.otherwise = context.ports().index("else");
  }

  @Override
  public Outcome execute(StepContext context) {
    for (int i = 0; i < conditions.length; i++) {
      Result<Object> condition = context.evaluate(conditions[i]);
      if (!condition.isOk()) {
        return Outcome.fail(condition.failure());
      }
      if (JsValues.truthy(condition.value())) {
        return Outcome.next(ports[i]);
      }
    }
    return Outcome.next(otherwise);
  }
}
