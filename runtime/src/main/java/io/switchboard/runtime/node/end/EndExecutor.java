package io.switchboard.runtime.node.end;

import io.switchboard.runtime.failure.Result;
import io.switchboard.flow.model.config.EndConfig;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.StepContext;

/** Completes the interaction with its outcome text. */
public final class EndExecutor implements NodeExecutor {
  private final CompiledTemplate outcome;

  public EndExecutor(CompileContext context) {
    EndConfig config = context.config(EndConfig.class);
    this.outcome = config.outcome() == null ? null : context.expressions().template(config.outcome());
  }

  @Override
  public Outcome execute(StepContext context) {
    if (outcome == null) {
      return new Outcome.End(null);
    }
    Result<String> text = context.render(outcome);
    return text.isOk() ? new Outcome.End(text.value()) : Outcome.fail(text.failure());
  }
}
