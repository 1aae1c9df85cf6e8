package io.switchboard.runtime.desk;

import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.node.QueueInfo;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.NotFoundException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What agents, supervisors and integrations do at the desk: manage queues, choose a state, take or
 * decline offers, end and wrap up interactions, write notes, transfer. Screens and controllers come
 * here; an agent reaches only the interactions assigned or offered to them.
 */
public final class DeskService {
  private static final Pattern QUEUE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
  private static final int MAX_NOTE_CHARS = 4000;

  private final DeskRepository desk;
  private final InteractionService interactions;
  private final Offering offering;
  private final Clock clock;
  private final Ids ids;
  private final Predicate<String> isUser;

  public DeskService(DeskRepository desk, InteractionService interactions, Offering offering, Clock clock, Ids ids,
      Predicate<String> isUser) {
    this.desk = desk;
    this.interactions = interactions;
    this.offering = offering;
    this.clock = clock;
    this.ids = ids;
    this.isUser = isUser;
  }

  // --- queues ---

  public Queue putQueue(Queue queue) {
    if (queue.id() == null || !QUEUE_ID.matcher(queue.id()).matches()) {
      throw new BadRequestException("a queue id is 1 to 100 lower-case letters, digits, '-' or '_', not '" + queue.id() + "'");
    }
    if (queue.name() == null || queue.name().isBlank() || queue.name().length() > 200) {
      throw new BadRequestException("the queue needs a name of 1 to 200 characters");
    }
    if (queue.maxWaitSeconds() < 1 || queue.maxWaitSeconds() > 86_400) {
      throw new BadRequestException("maxWaitSeconds must be between 1 and 86400, not " + queue.maxWaitSeconds());
    }
    if (queue.afterCallWorkSeconds() < 0 || queue.afterCallWorkSeconds() > 3_600) {
      throw new BadRequestException("afterCallWorkSeconds must be between 0 and 3600, not " + queue.afterCallWorkSeconds());
    }
    for (String member : queue.members()) {
      if (member == null || !isUser.test(member)) {
        throw new BadRequestException("'" + member + "' is not a user; members are usernames");
      }
    }
    for (String code : queue.wrapUpCodes()) {
      if (code == null || code.isBlank() || code.length() > 100) {
        throw new BadRequestException("a wrap-up code has 1 to 100 characters");
      }
    }
    if (queue.members().stream().distinct().count() != queue.members().size()) {
      throw new BadRequestException("a member is listed twice");
    }
    long now = clock.millis();
    queue.members().forEach(member -> desk.ensureAgent(member, now));
    desk.putQueue(queue, now);
    offering.wake();
    return queue(queue.id());
  }

  public Queue queue(String id) {
    return desk.queue(id).orElseThrow(() -> new NotFoundException("no queue '" + id + "'"));
  }

  public void deleteQueue(String id) {
    if (!desk.deleteQueue(id)) {
      throw new NotFoundException("no queue '" + id + "'");
    }
  }

  /** Every queue live: waiting, longest wait, members by state. */
  public List<QueueStats> queues() {
    return stats(desk.queues());
  }

  /** One queue live. */
  public QueueStats queueStats(String id) {
    return stats(List.of(queue(id))).getFirst();
  }

  private List<QueueStats> stats(List<Queue> queues) {
    long now = clock.millis();
    Map<String, long[]> waiting = desk.waitingByQueue();
    Map<String, AgentStatus> agents = new java.util.HashMap<>();
    desk.agents().forEach(a -> agents.put(a.username(), a));
    return queues.stream().map(q -> {
      long[] w = waiting.getOrDefault(q.id(), new long[] {0, now});
      Map<AgentState, Integer> byState = new EnumMap<>(AgentState.class);
      for (AgentState state : AgentState.values()) {
        byState.put(state, 0);
      }
      for (String member : q.members()) {
        AgentStatus agent = agents.get(member);
        byState.merge(agent == null ? AgentState.offline : agent.state(), 1, Integer::sum);
      }
      return new QueueStats(q, (int) w[0], w[0] == 0 ? 0 : Math.max(0, (now - w[1]) / 1000), byState);
    }).toList();
  }

  /** The interactions waiting in queues now (at most {@code limit}), for supervisors: first the next to be offered. */
  public List<WaitingInteraction> waiting(int limit) {
    return desk.waiting(limit);
  }

  /** The queue as a step sees it, for the engine. */
  public Optional<QueueInfo> queueInfo(String id) {
    return desk.queueInfo(id);
  }

  // --- agents ---

  /** The agent's desk state; the first call creates it (offline). Counts as a sign of life. */
  public AgentStatus me(String username) {
    long now = clock.millis();
    desk.ensureAgent(username, now);
    desk.seen(username, now);
    return desk.agent(username).orElseThrow();
  }

  public List<AgentStatus> agents() {
    return desk.agents();
  }

  /** The agents who could be offered something right now (for the routing simulator). */
  public List<Matcher.Candidate> candidates() {
    return offering.freeAgents();
  }

  public AgentStatus chooseState(String username, String state) {
    AgentState chosen;
    try {
      chosen = AgentState.valueOf(state == null ? "" : state.strip());
    } catch (IllegalArgumentException e) {
      chosen = null;
    }
    if (chosen == null || !chosen.chosen()) {
      throw new BadRequestException("an agent chooses the state available, away or offline, not '" + state + "'");
    }
    desk.ensureAgent(username, clock.millis());
    desk.chooseState(username, chosen, clock.millis());
    if (chosen == AgentState.available) {
      offering.wake();
    }
    return desk.agent(username).orElseThrow();
  }

  /** A sign of life from one of the agent's sessions. */
  public void seen(String username) {
    desk.seen(username, clock.millis());
  }

  /** Where calls the agent accepts are bridged to: a SIP URI or a phone number; empty to clear. */
  public AgentStatus setAddress(String username, String address) {
    String value = address == null || address.isBlank() ? null : address.strip();
    if (value != null && (value.length() > 320 || !(value.startsWith("sip:") || value.matches("\\+?[0-9 ()-]{3,32}")))) {
      throw new BadRequestException("a bridging address is a SIP URI (sip:…) or a phone number, not '" + value + "'");
    }
    desk.ensureAgent(username, clock.millis());
    desk.setAddress(username, value);
    return desk.agent(username).orElseThrow();
  }

  // --- offers ---

  public List<Offer> offers(String username) {
    desk.seen(username, clock.millis());
    return desk.openOffers(username);
  }

  public Offer offer(String offerId, String username) {
    return desk.offer(offerId).filter(o -> o.username().equals(username))
        .orElseThrow(() -> new NotFoundException("no offer '" + offerId + "' for " + username));
  }

  /** Takes the offered interaction; 409 when the offer lapsed or was withdrawn meanwhile. */
  public Interaction accept(String offerId, String username) {
    Offer offer = offer(offerId, username);
    if (!offer.status().equals("open")) {
      throw new ConflictException("the offer is " + offer.status() + ", no longer open");
    }
    if (offer.expiresAt() <= clock.millis()) {
      throw new ConflictException("the offer lapsed");
    }
    String address = desk.agent(username).map(AgentStatus::address).orElse(null);
    Interaction interaction = interactions.assign(offer.interactionId(), new Resume.AgentAssigned(username, offerId, address,
        offer.reason()));
    offering.wake();
    return interaction;
  }

  public void decline(String offerId, String username) {
    offer(offerId, username);
    if (desk.endOffer(offerId, "declined", username, clock.millis()).isEmpty()) {
      throw new ConflictException("the offer is no longer open");
    }
    offering.wake();
  }

  // --- the agent's interactions ---

  /** The interactions the agent holds now, oldest first. */
  public List<String> holding(String username) {
    return desk.holding(username);
  }

  /** Whether the agent may see the interaction: it is assigned to them (now or last), or offered to them. */
  public boolean mayView(String interactionId, String username) {
    return desk.assignment(interactionId).map(a -> a.username().equals(username)).orElse(false)
        || desk.openOffers(username).stream().anyMatch(o -> o.interactionId().equals(interactionId));
  }

  /** The interaction, or 404. */
  public Interaction interaction(String interactionId) {
    return interactions.get(interactionId);
  }

  /** Refuses (403) an agent who is nothing else an interaction neither offered nor assigned to them. */
  public void checkMayView(String interactionId, io.switchboard.runtime.web.Caller caller) {
    if (caller.agentOnly() && !mayView(interactionId, caller.username())) {
      throw new io.switchboard.runtime.service.ForbiddenException("interaction " + interactionId + " is not assigned to you");
    }
  }

  /** Refuses (403) an agent who is nothing else an interaction not assigned to them right now. */
  public void checkHolds(String interactionId, io.switchboard.runtime.web.Caller caller) {
    if (caller.agentOnly() && !holds(interactionId, caller.username())) {
      throw new io.switchboard.runtime.service.ForbiddenException("interaction " + interactionId + " is not assigned to you");
    }
  }

  /** Whether the interaction is assigned to the agent right now. */
  public boolean holds(String interactionId, String username) {
    return desk.assignment(interactionId).map(a -> a.username().equals(username) && a.endedAt() == null).orElse(false);
  }

  public Optional<DeskRepository.Assignment> assignment(String interactionId) {
    return desk.assignment(interactionId);
  }

  /** Ends the agent's work on the interaction (stopping its flow if it still runs); after-call work follows. */
  public Interaction end(String interactionId, String username) {
    DeskRepository.Assignment assignment = held(interactionId, username);
    Interaction interaction = interactions.endByAgent(interactionId, username);
    int acw = desk.queue(assignment.queueId()).map(Queue::afterCallWorkSeconds).orElse(0);
    desk.endAssignment(interactionId, username, acw, clock.millis());
    offering.wake();
    return interaction;
  }

  /**
   * The provider reports that a bridged call is over (the caller or the agent hung up): the agent
   * holding it goes into after-call work. False when nobody holds it.
   */
  public boolean callEnded(String interactionId) {
    Optional<DeskRepository.Assignment> held = desk.assignment(interactionId).filter(a -> a.endedAt() == null);
    if (held.isEmpty()) {
      return false;
    }
    int acw = desk.queue(held.get().queueId()).map(Queue::afterCallWorkSeconds).orElse(0);
    boolean ended = desk.endAssignment(interactionId, held.get().username(), acw, clock.millis());
    offering.wake();
    return ended;
  }

  /** Records the wrap-up code of an ended interaction; one of the queue's codes when it has a list. */
  public void wrapUp(String interactionId, String username, String code) {
    DeskRepository.Assignment assignment = desk.assignment(interactionId).filter(a -> a.username().equals(username))
        .orElseThrow(() -> new NotFoundException("interaction " + interactionId + " is not assigned to " + username));
    if (assignment.endedAt() == null) {
      throw new ConflictException("end the interaction before wrapping it up");
    }
    List<String> codes = desk.queue(assignment.queueId()).map(Queue::wrapUpCodes).orElse(List.of());
    if (code == null || code.isBlank()) {
      throw new BadRequestException("a wrap-up code is required" + (codes.isEmpty() ? "" : "; one of " + codes));
    }
    if (!codes.isEmpty() && !codes.contains(code)) {
      throw new BadRequestException("'" + code + "' is not a wrap-up code of queue '" + assignment.queueId() + "'; one of "
          + codes);
    }
    desk.wrapUp(interactionId, username, code.strip(), clock.millis());
    offering.wake();
  }

  /** Hands the interaction to another queue, or to one agent first. */
  public Interaction transfer(String interactionId, String username, String toQueue, String toAgent) {
    DeskRepository.Assignment assignment = held(interactionId, username);
    String queueId = toQueue != null && !toQueue.isBlank() ? toQueue.strip() : assignment.queueId();
    QueueInfo queue = queueInfo(queueId).orElseThrow(() -> new BadRequestException("no queue '" + queueId + "'"));
    if (toAgent != null && !toAgent.isBlank() && !isUser.test(toAgent.strip())) {
      throw new BadRequestException("'" + toAgent + "' is not a user");
    }
    Interaction interaction = interactions.requeue(interactionId, username, queue,
        toAgent == null || toAgent.isBlank() ? null : toAgent.strip());
    desk.endAssignment(interactionId, username, 0, clock.millis());
    offering.wake();
    return interaction;
  }

  /** Back to the previous script step, where the flow allows it. */
  public Interaction back(String interactionId, String username) {
    held(interactionId, username);
    return interactions.back(interactionId, username);
  }

  /** Hold or resume: recorded in the step log for the flow and the case. */
  public Interaction hold(String interactionId, String username, boolean hold) {
    held(interactionId, username);
    return interactions.agentAction(interactionId, hold ? "put on hold" : "resumed from hold", username);
  }

  public Note addNote(String interactionId, String username, String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequestException("a note needs text");
    }
    if (body.length() > MAX_NOTE_CHARS) {
      throw new BadRequestException("a note has at most " + MAX_NOTE_CHARS + " characters");
    }
    interactions.get(interactionId);
    Note note = new Note(ids.next(), interactionId, username, body.strip(), clock.millis());
    desk.addNote(note);
    return note;
  }

  public List<Note> notes(String interactionId) {
    return desk.notes(interactionId);
  }

  /** The customer's earlier interactions (matched by caller number or e-mail address), newest first. */
  public List<EarlierInteraction> earlier(String interactionId, int limit) {
    Interaction interaction = interactions.get(interactionId);
    Object from = interaction.trigger().get("from");
    return from instanceof String customer && !customer.isBlank() ? desk.earlier(customer, interactionId, limit) : List.of();
  }

  private DeskRepository.Assignment held(String interactionId, String username) {
    return desk.assignment(interactionId).filter(a -> a.username().equals(username) && a.endedAt() == null)
        .orElseThrow(() -> new ConflictException("interaction " + interactionId + " is not assigned to " + username));
  }
}
