package io.switchboard.runtime.desk;

import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.VariableDefinition;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.NotFoundException;
import io.switchboard.runtime.service.RunnableFlows;
import io.switchboard.runtime.service.StartRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call lists (campaigns, source 001): a supervisor imports contacts, assigns a published call-list
 * flow and a queue, and activates the list. While it is active, each free agent of the queue gets the
 * next due entry: the entry's interaction starts and waits in the queue at the flow's first script
 * step, so the agent previews the contact and the script in the offer before calling. The agent
 * records how the call went; the outcome decides whether the entry is done, tried again or called back.
 */
public final class CallListService {
  private static final Logger log = LoggerFactory.getLogger(CallListService.class);
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
  /** How long after its interaction ended an entry waits for the agent's outcome before it is tried again. */
  private static final Duration OUTCOME_GRACE = Duration.ofMinutes(10);

  private final CallListRepository lists;
  private final DeskRepository desk;
  private final RunnableFlows flows;
  private final InteractionService interactions;
  private final Clock clock;
  private final Ids ids;
  private final Duration presenceTimeout;

  public CallListService(CallListRepository lists, DeskRepository desk, RunnableFlows flows,
      InteractionService interactions, Clock clock, Ids ids, Duration presenceTimeout) {
    this.lists = lists;
    this.desk = desk;
    this.flows = flows;
    this.interactions = interactions;
    this.clock = clock;
    this.ids = ids;
    this.presenceTimeout = presenceTimeout;
  }

  public CallList put(String id, String name, String flowId, String queueId, Integer maxAttempts, Integer retryMinutes) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new BadRequestException("a call list id is 1 to 100 lower-case letters, digits, '-' or '_', not '" + id + "'");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new BadRequestException("the call list needs a name of 1 to 200 characters");
    }
    FlowDocument flow;
    try {
      flow = flows.latest(flowId == null ? "" : flowId).document();
    } catch (NotFoundException e) {
      throw new BadRequestException("no published flow '" + flowId + "'");
    }
    String channel = flow.nodes().stream().filter(n -> n.type().equals("trigger")).findFirst()
        .map(n -> n.config().path("channel").asString("")).orElse("");
    if (!channel.equals("call-list")) {
      throw new BadRequestException("the flow '" + flowId + "' answers the " + channel + " channel; a call list needs a "
          + "flow whose trigger is a call-list entry");
    }
    if (queueId == null || desk.queue(queueId).isEmpty()) {
      throw new BadRequestException("no queue '" + queueId + "'");
    }
    int attempts = maxAttempts == null ? 3 : maxAttempts;
    int retry = retryMinutes == null ? 60 : retryMinutes;
    if (attempts < 1 || attempts > 20) {
      throw new BadRequestException("maxAttempts must be between 1 and 20, not " + attempts);
    }
    if (retry < 1 || retry > 7 * 24 * 60) {
      throw new BadRequestException("retryMinutes must be between 1 and 10080 (a week), not " + retry);
    }
    lists.put(new CallList(id, name.strip(), flowId, queueId, "paused", attempts, retry, Map.of()), clock.millis());
    return get(id);
  }

  public CallList get(String id) {
    return lists.find(id).orElseThrow(() -> new NotFoundException("no call list '" + id + "'"));
  }

  public List<CallList> all() {
    return lists.all();
  }

  public List<CallListEntry> entries(String id, int limit) {
    get(id);
    return lists.entries(id, limit);
  }

  /** The entry an interaction calls, while it is the entry's latest call. */
  public Optional<CallListEntry> entryFor(String interactionId) {
    return lists.byInteraction(interactionId);
  }

  /** Imports contacts from CSV: all rows, or none and every bad row with its line number. */
  public Import importCsv(String id, String csv) {
    get(id);
    CallListCsv.Parsed parsed = CallListCsv.parse(csv == null ? "" : csv);
    if (!parsed.problems().isEmpty()) {
      return new Import(0, parsed.problems());
    }
    lists.addEntries(id, parsed.rows(), ids::next, clock.millis());
    return new Import(parsed.rows().size(), List.of());
  }

  /** What an import did: how many contacts it added, or why it added none. */
  public record Import(int imported, List<CallListCsv.Problem> problems) {}

  public CallList activate(String id, boolean active) {
    get(id);
    lists.status(id, active ? "active" : "paused", clock.millis());
    return get(id);
  }

  /** The agent's outcome of a call-list call; {@code callBackAt} (epoch ms) for a call back. */
  public CallListEntry outcome(String interactionId, String username, String outcome, Long callBackAt) {
    CallListEntry entry = lists.byInteraction(interactionId)
        .orElseThrow(() -> new NotFoundException("interaction " + interactionId + " is not a call-list call"));
    if (!entry.status().equals("dialling")) {
      throw new ConflictException("the outcome of this call was recorded already (" + entry.lastOutcome() + ")");
    }
    CallOutcome result;
    try {
      result = CallOutcome.valueOf(outcome == null ? "" : outcome.strip());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("the outcome is one of " + java.util.Arrays.toString(CallOutcome.values()) + ", not '"
          + outcome + "'");
    }
    CallList list = get(entry.listId());
    long now = clock.millis();
    switch (result) {
      case call_back -> {
        if (callBackAt == null || callBackAt <= now) {
          throw new BadRequestException("a call back needs a time in the future (callBackAt)");
        }
        lists.outcome(entry.id(), "pending", result.name(), username, username, callBackAt, now);
      }
      case no_answer, busy -> {
        boolean again = entry.attempts() < list.maxAttempts();
        lists.outcome(entry.id(), again ? "pending" : "failed", result.name(), username, null,
            now + list.retryMinutes() * 60_000L, now);
      }
      default -> lists.outcome(entry.id(), "done", result.name(), username, null, now, now);
    }
    return lists.byInteraction(interactionId).orElseThrow();
  }

  /**
   * Starts the due entries of every active list that free agents of its queue can take now: as many
   * as the queue has available agents with room for a call-list call, less those of the list already
   * waiting for one. Returns how many it started.
   */
  public int dialDue() {
    long now = clock.millis();
    int started = 0;
    List<Matcher.Candidate> free = desk.candidates(now - presenceTimeout.toMillis());
    for (CallList list : lists.active()) {
      for (CallListEntry stale : lists.endedWithoutOutcome(list.id(), now, OUTCOME_GRACE.toMillis())) {
        boolean again = stale.attempts() < list.maxAttempts();
        lists.outcome(stale.id(), again ? "pending" : "failed", "no outcome recorded", stale.lastAgent(), null,
            now + list.retryMinutes() * 60_000L, now);
      }
      long room = free.stream().filter(a -> a.queues().contains(list.queueId()) && a.hasRoomFor("call-list")).count();
      int wanted = (int) Math.max(0, room - lists.waitingInQueue(list.id()));
      if (wanted == 0) {
        continue;
      }
      for (CallListEntry entry : lists.due(list.id(), now, wanted)) {
        if (lists.claim(entry.id(), now)) {
          try {
            lists.dialled(entry.id(), start(list, entry));
            started++;
          } catch (RuntimeException e) {
            log.warn("Call list {} entry on line {} could not start", list.id(), entry.line(), e);
            lists.outcome(entry.id(), "failed", "could not start: " + e.getMessage(), null, null, now, now);
          }
        }
      }
    }
    return started;
  }

  private String start(CallList list, CallListEntry entry) {
    FlowDocument flow = flows.latest(list.flowId()).document();
    Map<String, Object> data = new LinkedHashMap<>(entry.columns());
    data.put("name", entry.name());
    data.put("callListId", list.id());
    data.put("entryId", entry.id());
    data.put("attempt", entry.attempts() + 1);
    data.put("queue", list.queueId());
    if (entry.preferredAgent() != null) {
      data.put("preferredAgent", entry.preferredAgent());
    }
    Map<String, Object> variables = new HashMap<>();
    for (Map.Entry<String, String> column : entry.columns().entrySet()) {
      flow.variable(column.getKey()).ifPresent(v -> {
        Object value = typed(v, column.getValue());
        if (value != null) {
          variables.put(column.getKey(), value);
        }
      });
    }
    return interactions.start(new StartRequest(list.flowId(), "call-list", entry.phone(), list.id(), variables, data, null))
        .id();
  }

  /** A CSV text as the variable's type, or null when it does not read as one (the variable keeps its default). */
  private static Object typed(VariableDefinition variable, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return switch (variable.type().jsonName()) {
      case "number" -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          yield null;
        }
      }
      case "boolean" -> text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
      case "string" -> text;
      default -> null;
    };
  }
}
