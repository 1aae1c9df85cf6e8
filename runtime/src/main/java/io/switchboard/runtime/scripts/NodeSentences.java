package io.switchboard.runtime.scripts;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.model.config.BranchConfig;
import io.switchboard.flow.model.config.EmailConfig;
import io.switchboard.flow.model.config.EndConfig;
import io.switchboard.flow.model.config.EscalateConfig;
import io.switchboard.flow.model.config.FetchConfig;
import io.switchboard.flow.model.config.ForwardConfig;
import io.switchboard.flow.model.config.KnowledgeConfig;
import io.switchboard.flow.model.config.ReplyConfig;
import io.switchboard.flow.model.config.RouteConfig;
import io.switchboard.flow.model.config.SetConfig;
import io.switchboard.flow.model.config.TicketConfig;
import io.switchboard.flow.model.config.WaitConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One sentence per automatic node, and one heading per way out of it, written for a business reader:
 * node labels and variable labels, never ids. The switch is exhaustive, so a new node type does not
 * build until it has its sentence.
 */
final class NodeSentences {
  private final ReadableText text;

  NodeSentences(ReadableText text) {
    this.text = text;
  }

  /** What the node does, as one sentence ending with a full stop (a branch's ends with a colon). */
  String of(FlowNode node, NodeType type) {
    return switch (type) {
      case TRIGGER -> "Starts again at " + quoted(node.displayName()) + ".";
      case SET -> sets(node, config(node, SetConfig.class));
      case FETCH -> fetch(node, config(node, FetchConfig.class));
      case KNOWLEDGE -> knowledge(node, config(node, KnowledgeConfig.class));
      case BRANCH -> "Checks " + quoted(node.displayName()) + ":";
      case FORWARD -> "Forwards the interaction to " + target(config(node, ForwardConfig.class).target()) + by(node);
      case ROUTE -> route(node, config(node, RouteConfig.class));
      case EMAIL -> email(node, config(node, EmailConfig.class));
      case REPLY -> "Replies to the customer: \u201c" + text.template(config(node, ReplyConfig.class).text()) + "\u201d" + by(node);
      case ESCALATE -> escalate(node, config(node, EscalateConfig.class));
      case SCRIPT -> "Goes to the step " + quoted(node.displayName()) + ".";
      case TICKET -> ticket(node, config(node, TicketConfig.class));
      case WAIT -> waits(node, config(node, WaitConfig.class));
      case END -> end(node, config(node, EndConfig.class));
    };
  }

  /** The heading of one way out of a node that splits the path. */
  String when(FlowNode node, NodeType type, String port) {
    if (type == NodeType.BRANCH) {
      return config(node, BranchConfig.class).cases().stream().filter(c -> port.equals(c.port())).findFirst()
          .map(c -> "If " + (c.label() == null || c.label().isBlank() ? c.when() : c.label() + " (" + c.when() + ")"))
          .orElse("Otherwise");
    }
    return switch (port) {
      case "ok" -> "If it works";
      case "error" -> "If it fails";
      case "sent" -> "If the e-mail goes out";
      case "failed" -> type == NodeType.EMAIL ? "If there is no valid recipient" : "If the transfer fails";
      case "connected" -> type == NodeType.ROUTE ? "When an agent takes it" : "If the transfer connects";
      case "no-agents" -> "If nobody able is signed in";
      case "found" -> "If the knowledge base has an answer";
      case "not-found" -> "If the knowledge base has no answer";
      case "timeout" -> "If the time runs out";
      default -> "Then";
    };
  }

  private String route(FlowNode node, RouteConfig config) {
    StringBuilder sentence = new StringBuilder("Waits in the queue ").append(quoted(text.template(config.queue())))
        .append(" for an agent");
    if (!config.skills().isEmpty()) {
      sentence.append(" with ").append(config.skills().stream().map(s -> text.template(s.skill()) + " at level "
          + s.minLevel() + (s.required() ? "" : " (preferred)")).collect(Collectors.joining(", ")));
    }
    if (config.preferredAgent() != null) {
      sentence.append(", preferably ").append(text.template(config.preferredAgent()));
    }
    if (!config.steps().isEmpty()) {
      sentence.append("; widening: ").append(config.steps().stream().map(s -> s.label()
          + (s.seconds() == null ? "" : " (" + s.seconds() + " s)")).collect(Collectors.joining(" → ")));
    }
    return sentence.append(", at most ").append(config.timeoutSeconds()).append(" s").append(by(node)).toString();
  }

  private String knowledge(FlowNode node, KnowledgeConfig config) {
    StringBuilder sentence = new StringBuilder("Searches the knowledge base for ").append(text.template(config.query()));
    List<String> filters = new ArrayList<>();
    add(filters, "language", config.language());
    add(filters, "product", config.product());
    add(filters, "tags", config.tags());
    if (!filters.isEmpty()) {
      sentence.append(" (").append(String.join(", ", filters)).append(")");
    }
    sentence.append("; the best ").append(config.limit());
    if (config.minScore() > 0) {
      sentence.append(" scoring at least ").append(new java.text.DecimalFormat("0.##").format(config.minScore()));
    }
    return sentence.append(" go into ").append(text.variable(config.answersVariable()))
        .append(", the best one into ").append(text.variable(config.answerVariable())).append(by(node)).toString();
  }

  private String sets(FlowNode node, SetConfig config) {
    String assignments = config.assignments().entrySet().stream()
        .map(e -> text.variable(e.getKey()) + " to " + e.getValue()).collect(Collectors.joining(", "));
    return "Sets " + assignments + by(node);
  }

  private String fetch(FlowNode node, FetchConfig config) {
    StringBuilder sentence = new StringBuilder("Looks up ").append(quoted(node.displayName()));
    if (config.step() != null) {
      sentence.append(" with the data step ").append(quoted(config.step()));
      if (!config.input().isEmpty()) {
        sentence.append(" (").append(pairs(config.input())).append(")");
      }
    } else if (config.request() != null) {
      sentence.append(" with ").append(config.request().method()).append(' ').append(text.template(config.request().url()));
    }
    if (!config.output().isEmpty()) {
      sentence.append("; fills ").append(config.output().keySet().stream().map(text::variable)
          .collect(Collectors.joining(", ")));
    }
    return sentence.append('.').toString();
  }

  private String email(FlowNode node, EmailConfig config) {
    StringBuilder sentence = new StringBuilder("Sends the e-mail ").append(quoted(text.template(config.subject())))
        .append(" to ").append(text.template(config.to()));
    if (config.cc() != null && !config.cc().isBlank()) {
      sentence.append(", copy to ").append(text.template(config.cc()));
    }
    return sentence.append(by(node)).toString();
  }

  private String escalate(FlowNode node, EscalateConfig config) {
    List<String> parts = new ArrayList<>();
    if (config.priority() != null) {
      parts.add("raises the priority to " + quoted(text.template(config.priority())));
    }
    if (config.queue() != null) {
      parts.add("moves the interaction to the queue " + quoted(text.template(config.queue())));
    }
    if (config.alert() != null) {
      parts.add("raises a " + config.alert().severity() + " alert: \u201c" + text.template(config.alert().message()) + "\u201d");
    }
    return "Escalates" + (parts.isEmpty() ? "" : ": " + String.join(", ", parts)) + by(node);
  }

  private String ticket(FlowNode node, TicketConfig config) {
    String action = config.action() == null ? "create" : config.action();
    List<String> details = new ArrayList<>();
    add(details, "subject", config.subject());
    add(details, "status", config.status());
    add(details, "priority", config.priority());
    add(details, "queue", config.queue());
    String detail = details.isEmpty() ? "" : " (" + String.join(", ", details) + ")";
    return switch (action) {
      case "create" -> "Opens a case" + detail + "; its number goes into " + text.variable(config.resultVariable()) + by(node);
      case "update" -> "Updates the case " + text.template(config.ticket()) + detail + by(node);
      default -> "Attaches the interaction to the case " + text.template(config.ticket()) + by(node);
    };
  }

  private String waits(FlowNode node, WaitConfig config) {
    if (config.event() == null || config.event().isBlank()) {
      return "Waits " + config.seconds() + " seconds" + by(node);
    }
    return "Waits for the event " + quoted(config.event())
        + (config.seconds() > 0 ? " (at most " + config.seconds() + " seconds)" : "")
        + (config.variable() == null ? "" : "; its data goes into " + text.variable(config.variable())) + by(node);
  }

  private String end(FlowNode node, EndConfig config) {
    return "Ends the interaction" + (config.outcome() == null ? "" : " with the outcome " + quoted(text.template(config.outcome())))
        + by(node);
  }

  private String target(ForwardConfig.Target target) {
    if (target == null) {
      return "no target";
    }
    String value = text.template(target.value());
    return switch (target.kind() == null ? "" : target.kind()) {
      case "queue" -> "the queue " + quoted(value);
      case "agent" -> "the agent " + quoted(value);
      case "phone" -> "the number " + value;
      case "sip" -> "the SIP address " + value;
      default -> value;
    };
  }

  private String pairs(Map<String, String> values) {
    return values.entrySet().stream().map(e -> e.getKey() + ": " + text.template(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private void add(List<String> details, String name, String template) {
    if (template != null && !template.isBlank()) {
      details.add(name + " " + text.template(template));
    }
  }

  /** The node's label at the end of its sentence, so a reader finds it on the canvas. */
  private static String by(FlowNode node) {
    return node.label() == null || node.label().isBlank() ? "." : " (" + node.label() + ").";
  }

  static String quoted(String value) {
    return "'" + value + "'";
  }

  private static <C extends Record> C config(FlowNode node, Class<C> type) {
    return FlowJson.mapper().treeToValue(node.config(), type);
  }
}
