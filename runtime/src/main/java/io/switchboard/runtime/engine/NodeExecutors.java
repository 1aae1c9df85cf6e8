package io.switchboard.runtime.engine;

import io.switchboard.flow.model.NodeType;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.branch.BranchExecutor;
import io.switchboard.runtime.node.email.EmailExecutor;
import io.switchboard.runtime.node.end.EndExecutor;
import io.switchboard.runtime.node.escalate.EscalateExecutor;
import io.switchboard.runtime.node.fetch.FetchExecutor;
import io.switchboard.runtime.node.forward.ForwardExecutor;
import io.switchboard.runtime.node.knowledge.KnowledgeExecutor;
import io.switchboard.runtime.node.reply.ReplyExecutor;
import io.switchboard.runtime.node.route.RouteExecutor;
import io.switchboard.runtime.node.script.ScriptExecutor;
import io.switchboard.runtime.node.set.SetExecutor;
import io.switchboard.runtime.node.ticket.TicketExecutor;
import io.switchboard.runtime.node.trigger.TriggerExecutor;
import io.switchboard.runtime.node.wait.WaitExecutor;

/**
 * The one place that knows which executor runs which node type. The switch is exhaustive over
 * {@link NodeType}: a new type does not compile until it has an executor here.
 */
public final class NodeExecutors {
  private NodeExecutors() {}

  public static NodeExecutor create(NodeType type, CompileContext context) {
    return switch (type) {
      case TRIGGER -> new TriggerExecutor(context);
      case SET -> new SetExecutor(context);
      case FETCH -> new FetchExecutor(context);
      case KNOWLEDGE -> new KnowledgeExecutor(context);
      case BRANCH -> new BranchExecutor(context);
      case FORWARD -> new ForwardExecutor(context);
      case ROUTE -> new RouteExecutor(context);
      case EMAIL -> new EmailExecutor(context);
      case REPLY -> new ReplyExecutor(context);
      case ESCALATE -> new EscalateExecutor(context);
      case SCRIPT -> new ScriptExecutor(context);
      case TICKET -> new TicketExecutor(context);
      case WAIT -> new WaitExecutor(context);
      case END -> new EndExecutor(context);
    };
  }
}
