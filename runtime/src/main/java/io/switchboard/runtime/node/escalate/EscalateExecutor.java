package io.switchboard.runtime.node.escalate;

import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Result;
import io.switchboard.runtime.node.Lengths;
import java.util.Optional;
import io.switchboard.flow.model.config.EscalateConfig;
import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.StepContext;

/** Raises the interaction's priority, moves it to another queue and raises an alert. */
public final class EscalateExecutor implements NodeExecutor {
  private final String priority;
  private final CompiledTemplate queue;
  private final CompiledTemplate alert;
  private final String severity;
  private final int next;

  public EscalateExecutor(CompileContext context) {
    EscalateConfig config = context.config(EscalateConfig.class);
    this.priority = config.priority();
    this.queue = config.queue() == null ? null : context.expressions().template(config.queue());
    this.alert = config.alert() == null ? null : context.expressions().template(config.alert().message());
    this.severity = config.alert() == null ? null : config.alert().severity();
    this.next = context.ports().index("next");
  }

  @Override
  public Outcome execute(StepContext context) {
    if (priority != null) {
      context.priority(priority);
    }
    Result<String> target = queue == null ? Result.ok(null) : context.render(queue);
    Result<String> message = alert == null ? Result.ok(null) : context.render(alert);
    if (!target.isOk() || !message.isOk()) {
      return Outcome.fail(target.isOk() ? message.failure() : target.failure());
    }
    Optional<Failure> overlong = Lengths.tooLong("queue name", target.value(), Lengths.QUEUE);
    if (overlong.isPresent()) {
      return Outcome.fail(overlong.get());
    }
    if (target.value() != null) {
      context.queue(target.value());
    }
    if (alert != null) {
      context.emit(new Effect.Alert(context.newId(), severity, message.value(), target.value()));
    }
    return Outcome.next(next);
  }
}
