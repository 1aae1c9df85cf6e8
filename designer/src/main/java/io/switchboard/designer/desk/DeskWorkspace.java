package io.switchboard.designer.desk;

import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.VariableDefinition;
import io.switchboard.runtime.desk.DeskRepository;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.EarlierInteraction;
import io.switchboard.runtime.desk.Note;
import io.switchboard.runtime.desk.Queue;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.model.Alert;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.service.AlertService;
import io.switchboard.runtime.service.FlowService;
import io.switchboard.runtime.service.ForbiddenException;
import io.switchboard.runtime.service.InteractionService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the agent workspace shows of one interaction, read together from the desk, the interaction,
 * its flow version, its alerts and notes; and the agent's actions on it. Every read and action first
 * checks that the agent may see (or holds) the interaction.
 */
@Service
public class DeskWorkspace {
  private final DeskService desk;
  private final InteractionService interactions;
  private final FlowService flows;
  private final AlertService alerts;
  private final Clock clock;

  public DeskWorkspace(DeskService desk, InteractionService interactions, FlowService flows, AlertService alerts,
      Clock clock) {
    this.desk = desk;
    this.interactions = interactions;
    this.flows = flows;
    this.alerts = alerts;
    this.clock = clock;
  }

  /** One line of account info: the variable's label and its value as text. */
  public record Row(String label, String value) {}

  /** The script step the interaction waits at: the rendered prompt, its answers and the fields it asks for. */
  public record Step(String nodeId, String label, String prompt, List<Answer> answers, List<Field> fields,
      boolean allowBack) {}

  public record Answer(String port, String label) {}

  public record Field(String variable, String label, String type, boolean required) {}

  /** The interaction as the workspace shows it. */
  public record View(String id, String channel, String caller, String queueId, String queueName, InteractionStatus status,
      String outcome, boolean held, boolean onHold, long assignedAt, Long endedAt, String wrapUpCode,
      List<String> wrapUpCodes, int afterCallWorkSeconds, List<Row> account, List<Alert> alerts, Step step,
      String waitingFor, List<String> breadcrumb, int stepCount) {

    /** Whether the flow has nothing more for the agent to do. */
    public boolean finished() {
      return status == InteractionStatus.completed || status == InteractionStatus.failed
          || status == InteractionStatus.cancelled;
    }
  }

  /** The interaction for this agent; refused when it is not theirs to see. */
  public View view(String interactionId, String username) {
    mayView(interactionId, username);
    Interaction it = interactions.get(interactionId);
    FlowDocument document = flows.compiled(it.flowId(), it.flowVersion()).document();
    Optional<DeskRepository.Assignment> assignment = desk.assignment(interactionId);
    String queueId = assignment.map(DeskRepository.Assignment::queueId).orElse(it.queue());
    Optional<Queue> queue = queue(queueId);
    List<StepRecord> steps = interactions.steps(interactionId);
    boolean held = desk.holds(interactionId, username);
    return new View(it.id(), it.channel(), caller(it), queueId, queue.map(Queue::name).orElse(queueId), it.status(),
        it.outcome(), held, onHold(steps), assignment.map(DeskRepository.Assignment::assignedAt).orElse(it.createdAt()),
        assignment.map(DeskRepository.Assignment::endedAt).orElse(null),
        assignment.map(DeskRepository.Assignment::wrapUpCode).orElse(null),
        queue.map(Queue::wrapUpCodes).orElse(List.of()), queue.map(Queue::afterCallWorkSeconds).orElse(0),
        account(document, it), alerts.forInteraction(interactionId), step(document, it), waitingFor(it),
        breadcrumb(document, it, steps), it.stepCount());
  }

  /** The caller's number or address, for tabs and the supervisor; refused when it is not theirs to see. */
  public String caller(String interactionId, String username) {
    mayView(interactionId, username);
    return caller(interactions.get(interactionId));
  }

  /** The caller of any interaction, for supervisors. */
  public String callerForSupervisor(String interactionId) {
    return caller(interactions.get(interactionId));
  }

  public List<Note> notes(String interactionId, String username) {
    mayView(interactionId, username);
    return desk.notes(interactionId);
  }

  public Note addNote(String interactionId, String username, String text) {
    mayView(interactionId, username);
    return desk.addNote(interactionId, username, text);
  }

  public List<EarlierInteraction> earlier(String interactionId, String username) {
    mayView(interactionId, username);
    return desk.earlier(interactionId, 10);
  }

  /** The agent's answer to the step; the engine's refusal (400/409) comes back as its exception. */
  public void answer(String interactionId, String username, String nodeId, String port, Map<String, Object> fields) {
    if (!desk.holds(interactionId, username)) {
      throw new ForbiddenException("interaction " + interactionId + " is not assigned to you");
    }
    interactions.answer(interactionId, new Resume.AgentAnswer(nodeId, port, fields, username));
  }

  public long now() {
    return clock.millis();
  }

  private void mayView(String interactionId, String username) {
    if (!desk.mayView(interactionId, username)) {
      throw new ForbiddenException("interaction " + interactionId + " is not assigned to you");
    }
  }

  private Optional<Queue> queue(String queueId) {
    return queueId == null ? Optional.empty() : desk.queueInfo(queueId).map(known -> desk.queue(queueId));
  }

  private static String caller(Interaction it) {
    Object from = it.trigger().get("from");
    return from == null ? "unknown caller" : from.toString();
  }

  private static List<Row> account(FlowDocument document, Interaction it) {
    List<Row> rows = new ArrayList<>();
    for (VariableDefinition variable : document.variables()) {
      if (variable.shownToAgent()) {
        rows.add(new Row(variable.label() == null || variable.label().isBlank() ? variable.name() : variable.label(),
            text(it.variables().get(variable.name()))));
      }
    }
    return rows;
  }

  private static String text(Object value) {
    return switch (value) {
      case null -> "—";
      case Boolean b -> b ? "Yes" : "No";
      case String s when s.isBlank() -> "—";
      default -> value.toString();
    };
  }

  @SuppressWarnings("unchecked")
  private static Step step(FlowDocument document, Interaction it) {
    Waiting waiting = it.waiting();
    if (it.status() != InteractionStatus.waiting || waiting == null || waiting.kind() != Waiting.Kind.agent_answer) {
      return null;
    }
    Map<String, Object> details = waiting.details();
    List<Answer> answers = ((List<Map<String, Object>>) details.getOrDefault("answers", List.of())).stream()
        .map(a -> new Answer(String.valueOf(a.get("port")), String.valueOf(a.getOrDefault("label", a.get("port")))))
        .toList();
    List<Field> fields = ((List<Map<String, Object>>) details.getOrDefault("fields", List.of())).stream()
        .map(f -> new Field(String.valueOf(f.get("variable")), String.valueOf(f.getOrDefault("label", f.get("variable"))),
            String.valueOf(f.getOrDefault("type", "text")), Boolean.TRUE.equals(f.get("required"))))
        .toList();
    return new Step(waiting.nodeId(), label(document, waiting.nodeId()), String.valueOf(details.getOrDefault("prompt", "")),
        answers, fields, Boolean.TRUE.equals(details.get("allowBack")));
  }

  private static String waitingFor(Interaction it) {
    Waiting waiting = it.waiting();
    if (it.status() != InteractionStatus.waiting || waiting == null) {
      return null;
    }
    return switch (waiting.kind()) {
      case agent_answer -> null;
      case timer -> "a timer";
      case event -> "the event '" + waiting.event() + "'";
      case call_status -> "the telephony provider's call status";
      case queue -> "an agent in queue " + waiting.details().get("queue");
    };
  }

  /** The script steps answered so far, then the one waiting now. */
  private static List<String> breadcrumb(FlowDocument document, Interaction it, List<StepRecord> steps) {
    List<String> crumbs = new ArrayList<>();
    for (StepRecord step : steps) {
      if (step.nodeType().equals("script") && step.port() != null) {
        crumbs.add(label(document, step.nodeId()));
      }
    }
    Step now = step(document, it);
    if (now != null) {
      crumbs.add(now.label());
    }
    return crumbs;
  }

  private static String label(FlowDocument document, String nodeId) {
    return document.nodes().stream().filter(n -> n.id().equals(nodeId)).findFirst().map(FlowNode::label)
        .filter(Objects::nonNull).filter(l -> !l.isBlank()).orElse(nodeId);
  }

  private static boolean onHold(List<StepRecord> steps) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      Object action = steps.get(i).changes().get("agentAction");
      if ("put on hold".equals(action)) {
        return true;
      }
      if ("resumed from hold".equals(action)) {
        return false;
      }
    }
    return false;
  }
}
