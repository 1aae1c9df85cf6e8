package io.switchboard.designer.flows;

import io.switchboard.designer.ui.Texts;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.node.ProviderInstruction;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.service.TestRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a test run did, in sentences for its designer: nodes by their labels, times in milliseconds,
 * failures with their code and message in full, and what the run only pretended to do (forwards,
 * e-mails, alerts, cases) marked as simulated.
 */
final class TestRunSentences {
  static final String SIMULATED = "simulated";

  private final Map<String, FlowNode> nodes;

  TestRunSentences(FlowDocument document) {
    this.nodes = document.nodes().stream().collect(Collectors.toMap(FlowNode::id, n -> n, (a, b) -> a));
  }

  /** The node's label, else its type ("fetch"), else the id the step log holds. */
  String label(String nodeId) {
    FlowNode node = nodes.get(nodeId);
    if (node == null) {
      return nodeId;
    }
    return node.label() != null && !node.label().isBlank() ? node.label() : node.type();
  }

  /** "0.4 ms", "12.0 ms"; a step quicker than 0.1 ms reads "< 0.1 ms" rather than "0.0 ms". */
  static String duration(long nanos) {
    double millis = nanos / 1_000_000.0;
    return millis < 0.05 ? "< 0.1 ms" : String.format(Locale.ROOT, "%.1f ms", millis);
  }

  /** "customerName = "Ann", loyalty = "gold"". */
  static String changes(Map<String, Object> changes) {
    return changes.entrySet().stream().map(e -> e.getKey() + " = " + FlowJson.compact(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** "refused_by_guard — the address … is refused": the code a flow branches on, then the sentence. */
  static String failure(Failure failure) {
    return failure.code() + " — " + failure.message();
  }

  /** The things this step asked the world for that a test run keeps instead of doing. */
  List<String> simulated(StepRecord step, Interaction interaction) {
    List<String> done = new ArrayList<>();
    if ("forward".equals(step.nodeType()) && step.error() == null) {
      forward(step, interaction).ifPresent(done::add);
    }
    for (Effect effect : step.effects()) {
      switch (effect) {
        case Effect.OutboxMessage message when "email".equals(message.kind()) ->
            done.add("e-mail" + (message.payload().get("to") == null ? "" : " to " + message.payload().get("to")));
        case Effect.OutboxMessage message when "call-update".equals(message.kind()) -> done.add("call handed to the agent");
        case Effect.OutboxMessage message -> done.add(message.kind() + " sent");
        case Effect.Alert alert -> done.add("alert to " + (alert.queue() == null ? "supervisors" : "queue " + alert.queue())
            + ": " + alert.message());
        case Effect.TicketChange ticket -> done.add("ticket " + switch (ticket.action()) {
          case create -> "created";
          case update -> "updated";
          case attach -> "attached";
        } + (ticket.subject() == null ? "" : ": " + ticket.subject()));
        case Effect.AgentAssigned assigned -> {
          // the stand-in agent's acceptance is the run's own doing, not an effect on the world
        }
      }
    }
    return done.stream().map(text -> text + " (" + SIMULATED + ")").toList();
  }

  /**
   * The run in one sentence. A failure comes first and in full, even when an error port took the
   * flow on to an end, so that a refused fetch never reads as a success.
   */
  String status(TestRun run) {
    Interaction it = run.interaction();
    Optional<StepRecord> failed = run.failedStep();
    StringBuilder text = new StringBuilder();
    failed.ifPresent(step -> text.append("Failed at ").append(label(step.nodeId())).append(": ").append(failure(step.error())));
    switch (it.status()) {
      case failed -> {
        if (failed.isEmpty()) {
          text.append("Failed").append(it.error() == null ? "" : ": " + failure(it.error()));
        }
      }
      case completed -> text.append(failed.isEmpty() ? "Completed" : " · the flow went on by its error path and ended")
          .append(outcome(it).map(o -> " · outcome: " + o).orElse(""));
      case cancelled -> text.append(failed.isEmpty() ? "Cancelled" : " · then cancelled");
      case running, waiting -> text.append(failed.isEmpty() ? "" : " · the flow went on by its error path · ")
          .append(waiting(it.waiting()));
    }
    if (it.instruction() != null) {
      text.append(" · ").append(instruction(it.instruction())).append(" (").append(SIMULATED).append(")");
    }
    long kept = run.effects().size();
    if (kept > 0) {
      text.append(" · ").append(Texts.count(kept, "effect")).append(" simulated, nothing sent");
    }
    return text.toString();
  }

  /** The outcome, unless it only repeats the forward the status already names. */
  private static Optional<String> outcome(Interaction it) {
    if (it.outcome() == null || it.instruction() != null && it.outcome().startsWith("forwarded to ")) {
      return Optional.empty();
    }
    return Optional.of(it.outcome());
  }

  private String waiting(Waiting waiting) {
    if (waiting == null) {
      return "Running";
    }
    String at = label(waiting.nodeId());
    return switch (waiting.kind()) {
      case agent_answer -> "Waiting for the agent's answer at " + at;
      case event -> "Waiting at " + at + " for the event '" + waiting.event() + "'";
      case call_status -> "Waiting at " + at + " for the forwarded call's status";
      case queue -> "Waiting in queue " + waiting.details().get("queue") + " for an agent (" + SIMULATED + ")";
      case timer -> "Waiting at " + at + " for its time to run out";
    };
  }

  private Optional<String> forward(StepRecord step, Interaction interaction) {
    if (step.port() == null && interaction.waiting() != null && interaction.waiting().kind() == Waiting.Kind.queue) {
      return Optional.empty(); // the queue wait says it is simulated
    }
    FlowNode node = nodes.get(step.nodeId());
    if (node == null) {
      return Optional.empty();
    }
    var target = node.config().path("target");
    return Optional.of("forward to " + kind(target.path("kind").asString("queue")) + " "
        + target.path("value").asString(""));
  }

  private static String instruction(ProviderInstruction instruction) {
    return "forward to " + switch (instruction.verb()) {
      case number -> "number";
      case sip -> "SIP address";
      case queue -> "queue";
      case agent -> "agent";
    } + " " + instruction.target();
  }

  private static String kind(String kind) {
    return switch (kind) {
      case "phone" -> "number";
      case "sip" -> "SIP address";
      default -> kind;
    };
  }
}
