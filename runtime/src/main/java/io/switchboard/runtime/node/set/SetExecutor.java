package io.switchboard.runtime.node.set;

import io.switchboard.runtime.failure.Result;
import io.switchboard.flow.model.config.SetConfig;
import io.switchboard.runtime.expr.CompiledExpression;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.StepContext;

/** Assigns variables from expressions, in order; a later assignment sees the earlier ones. */
public final class SetExecutor implements NodeExecutor {
  private final String[] names;
  private final CompiledExpression[] values;
  private final int next;

  public SetExecutor(CompileContext context) {
    SetConfig config = context.config(SetConfig.class);
    this.names = config.assignments().keySet().toArray(String[]::new);
    this.values = config.assignments().values().stream().map(context.expressions()::expression)
        .toArray(CompiledExpression[]::new);
    this.next = context.ports().index("next");
  }

  @Override
  public Outcome execute(StepContext context) {
    for (int i = 0; i < names.length; i++) {
      Result<Object> value = context.evaluate(values[i]);
      if (!value.isOk()) {
        return Outcome.fail(value.failure());
      }
      context.set(names[i], value.value());
    }
    return Outcome.next(next);
  }

}
