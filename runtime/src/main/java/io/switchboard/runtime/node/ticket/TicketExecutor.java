package io.switchboard.runtime.node.ticket;

import io.switchboard.runtime.node.Lengths;
import java.util.List;
import java.util.Optional;
import io.switchboard.runtime.failure.Result;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.flow.model.config.TicketConfig;
import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.node.Effect.TicketChange.Action;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.StepContext;

/** Creates a case, or updates one, and attaches this interaction to it. */
public final class TicketExecutor implements NodeExecutor {
  private final Action action;
  private final CompiledTemplate ticket;
  private final CompiledTemplate subject;
  private final CompiledTemplate queue;
  private final String status;
  private final String priority;
  private final String resultVariable;
  private final int ok;

  public TicketExecutor(CompileContext context) {
    TicketConfig config = context.config(TicketConfig.class);
    this.action = Action.valueOf(config.action());
    this.ticket = config.ticket() == null ? null : context.expressions().template(config.ticket());
    this.subject = config.subject() == null ? null : context.expressions().template(config.subject());
    this.queue = config.queue() == null ? null : context.expressions().template(config.queue());
    this.status = config.status();
    this.priority = config.priority();
    this.resultVariable = config.resultVariable();
    this.ok = context.ports().index("ok");
  }

  @Override
  public Outcome execute(StepContext context) {
    Result<String> queueText = queue == null ? Result.ok(null) : context.render(queue);
    Result<String> subjectText = subject == null ? Result.ok(null) : context.render(subject);
    Result<String> ticketText = ticket == null ? Result.ok("") : context.render(ticket);
    for (Result<String> rendered : List.of(queueText, subjectText, ticketText)) {
      if (!rendered.isOk()) {
        return Outcome.fail(rendered.failure());
      }
    }
    String renderedQueue = queueText.value();
    Optional<Failure> overlong = Lengths.tooLong("queue name", renderedQueue, Lengths.QUEUE);
    if (overlong.isPresent()) {
      return Outcome.fail(overlong.get());
    }
    String renderedSubject = subjectText.value();
    String id;
    if (action == Action.create) {
      id = context.newId();
      String title = renderedSubject == null || renderedSubject.isBlank() ? "(no subject)" : renderedSubject;
      context.emit(new Effect.TicketChange(action, id, title, status == null ? "new" : status,
          priority == null ? "normal" : priority, renderedQueue));
    } else {
      id = ticketText.value().strip();
      if (id.isEmpty()) {
        return Outcome.fail(Failure.of(Failure.Code.not_found, "no case id to " + action + " (the case id is empty)"));
      }
      if (!context.ticketExists(id)) {
        return Outcome.fail(Failure.of(Failure.Code.not_found, "case '" + id + "' does not exist").with("case", id));
      }
      context.emit(new Effect.TicketChange(action, id, renderedSubject, status, priority, renderedQueue));
    }
    context.set(resultVariable, id);
    return Outcome.next(ok);
  }
}
