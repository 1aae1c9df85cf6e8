package io.switchboard.runtime.desk;

import static io.switchboard.runtime.store.jooq.Tables.AGENT;
import static io.switchboard.runtime.store.jooq.Tables.AGENT_CAPACITY;
import static io.switchboard.runtime.store.jooq.Tables.ASSIGNMENT;
import static io.switchboard.runtime.store.jooq.Tables.INTERACTION;
import static io.switchboard.runtime.store.jooq.Tables.INTERACTION_NOTE;
import static io.switchboard.runtime.store.jooq.Tables.OFFER;
import static io.switchboard.runtime.store.jooq.Tables.QUEUE;
import static io.switchboard.runtime.store.jooq.Tables.QUEUE_ENTRY;
import static io.switchboard.runtime.store.jooq.Tables.QUEUE_MEMBER;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.store.Databases;
import io.switchboard.runtime.store.jooq.tables.records.AgentRecord;
import io.switchboard.runtime.store.jooq.tables.records.QueueRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The desk's rows. Offers and assignments are claimed with conditional updates that each touch one
 * row and must find it as expected; a claim that finds a row changed rolls its transaction back, so
 * two instances never hand one interaction or one agent's last free place to two parties.
 */
public final class DeskRepository {
  /** The channels an agent has a capacity for, with the defaults of a new agent. */
  public static final Map<String, Integer> DEFAULT_CAPACITY = Map.of("voice", 1, "message", 3, "email", 5, "webhook", 3,
      "call-list", 1);

  private static final tools.jackson.core.type.TypeReference<Map<String, Object>> REQUIREMENTS =
      new tools.jackson.core.type.TypeReference<>() {};

  /** The channels of a phone call: an agent on one takes nothing else. */
  static final Set<String> CALLS = Set.of("voice", "call-list");

  private final DSLContext dsl;

  public DeskRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Thrown inside a transaction when a row it claims is no longer as expected; the transaction rolls back. */
  static final class ClaimLost extends RuntimeException {
    ClaimLost(String message) {
      super(message, null, false, false);
    }
  }

  // --- queues ---

  public void putQueue(Queue queue, long now) {
    dsl.transaction(c -> {
      DSLContext tx = c.dsl();
      QueueRecord record = tx.newRecord(QUEUE);
      record.setId(queue.id());
      record.setName(queue.name());
      record.setMaxWaitSeconds(queue.maxWaitSeconds());
      record.setAfterCallWorkSeconds(queue.afterCallWorkSeconds());
      record.setWrapUpCodes(FlowJson.compact(queue.wrapUpCodes()));
      record.setUpdatedAt(now);
      if (tx.fetchExists(QUEUE, QUEUE.ID.eq(queue.id()))) {
        record.changed(QUEUE.ID, false);
        tx.update(QUEUE).set(record).where(QUEUE.ID.eq(queue.id())).execute();
      } else {
        tx.insertInto(QUEUE).set(record).execute();
      }
      tx.deleteFrom(QUEUE_MEMBER).where(QUEUE_MEMBER.QUEUE_ID.eq(queue.id())).execute();
      for (String member : queue.members()) {
        tx.insertInto(QUEUE_MEMBER).set(QUEUE_MEMBER.QUEUE_ID, queue.id()).set(QUEUE_MEMBER.USERNAME, member).execute();
      }
    });
  }

  public boolean deleteQueue(String id) {
    return dsl.transactionResult(c -> {
      c.dsl().deleteFrom(QUEUE_MEMBER).where(QUEUE_MEMBER.QUEUE_ID.eq(id)).execute();
      return c.dsl().deleteFrom(QUEUE).where(QUEUE.ID.eq(id)).execute() > 0;
    });
  }

  public List<Queue> queues() {
    Map<String, List<String>> members = new HashMap<>();
    dsl.selectFrom(QUEUE_MEMBER).orderBy(QUEUE_MEMBER.USERNAME)
        .forEach(m -> members.computeIfAbsent(m.getQueueId(), k -> new ArrayList<>()).add(m.getUsername()));
    return dsl.selectFrom(QUEUE).orderBy(QUEUE.NAME, QUEUE.ID)
        .fetch(q -> queue(q, members.getOrDefault(q.getId(), List.of())));
  }

  public Optional<Queue> queue(String id) {
    return dsl.selectFrom(QUEUE).where(QUEUE.ID.eq(id)).fetchOptional(q -> queue(q,
        dsl.select(QUEUE_MEMBER.USERNAME).from(QUEUE_MEMBER).where(QUEUE_MEMBER.QUEUE_ID.eq(id))
            .orderBy(QUEUE_MEMBER.USERNAME).fetch(QUEUE_MEMBER.USERNAME)));
  }

  private static Queue queue(QueueRecord q, List<String> members) {
    List<String> codes = Arrays.asList(FlowJson.mapper().readValue(q.getWrapUpCodes(), String[].class));
    return new Queue(q.getId(), q.getName(), members, q.getMaxWaitSeconds(), q.getAfterCallWorkSeconds(), codes);
  }

  /** Waiting interactions and the longest wait (epoch ms of the oldest) per queue. */
  public Map<String, long[]> waitingByQueue() {
    Map<String, long[]> waiting = new HashMap<>();
    dsl.select(QUEUE_ENTRY.QUEUE_ID, DSL.count(), DSL.min(QUEUE_ENTRY.ENQUEUED_AT)).from(QUEUE_ENTRY)
        .groupBy(QUEUE_ENTRY.QUEUE_ID)
        .forEach(r -> waiting.put(r.value1(), new long[] {r.value2(), r.value3()}));
    return waiting;
  }

  /** Every interaction waiting in a queue, highest priority first, then longest waiting, with its open offer's agent. */
  public List<WaitingInteraction> waiting(int limit) {
    return dsl.select(QUEUE_ENTRY.INTERACTION_ID, QUEUE_ENTRY.QUEUE_ID, QUEUE_ENTRY.CHANNEL, QUEUE_ENTRY.CALLER,
            QUEUE_ENTRY.PRIORITY, QUEUE_ENTRY.ENQUEUED_AT, OFFER.USERNAME)
        .from(QUEUE_ENTRY).leftJoin(OFFER).on(OFFER.ID.eq(QUEUE_ENTRY.OFFER_ID).and(OFFER.STATUS.eq("open")))
        .orderBy(QUEUE_ENTRY.PRIORITY.desc(), QUEUE_ENTRY.ENQUEUED_AT, QUEUE_ENTRY.INTERACTION_ID).limit(limit)
        .fetch(r -> new WaitingInteraction(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
            r.value7()));
  }

  // --- agents ---

  /** Creates the agent's row (offline, default capacities) the first time the desk hears of them. */
  public void ensureAgent(String username, long now) {
    if (dsl.fetchExists(AGENT, AGENT.USERNAME.eq(username))) {
      return;
    }
    dsl.transaction(c -> {
      DSLContext tx = c.dsl();
      int inserted = tx.insertInto(AGENT).set(AGENT.USERNAME, username).set(AGENT.STATE, AgentState.offline.name())
          .set(AGENT.STATE_SINCE, now).set(AGENT.IDLE_SINCE, now).set(AGENT.SEEN_AT, now).set(AGENT.LAPSED_IN_ROW, 0)
          .onDuplicateKeyIgnore().execute();
      if (inserted > 0) {
        for (Map.Entry<String, Integer> channel : DEFAULT_CAPACITY.entrySet()) {
          tx.insertInto(AGENT_CAPACITY).set(AGENT_CAPACITY.USERNAME, username).set(AGENT_CAPACITY.CHANNEL, channel.getKey())
              .set(AGENT_CAPACITY.CAPACITY, channel.getValue()).set(AGENT_CAPACITY.ACTIVE, 0).onDuplicateKeyIgnore().execute();
        }
      }
    });
  }

  public Optional<AgentStatus> agent(String username) {
    return agents(AGENT.USERNAME.eq(username)).stream().findFirst();
  }

  public List<AgentStatus> agents() {
    return agents(DSL.trueCondition());
  }

  private List<AgentStatus> agents(Condition which) {
    List<AgentRecord> rows = dsl.selectFrom(AGENT).where(which).orderBy(AGENT.USERNAME).fetch();
    if (rows.isEmpty()) {
      return List.of();
    }
    Set<String> names = rows.stream().map(AgentRecord::getUsername).collect(Collectors.toSet());
    Map<String, List<String>> queues = new HashMap<>();
    dsl.selectFrom(QUEUE_MEMBER).where(QUEUE_MEMBER.USERNAME.in(names)).orderBy(QUEUE_MEMBER.QUEUE_ID)
        .forEach(m -> queues.computeIfAbsent(m.getUsername(), k -> new ArrayList<>()).add(m.getQueueId()));
    Map<String, Map<String, Integer>> capacity = new HashMap<>();
    Map<String, Map<String, Integer>> active = new HashMap<>();
    dsl.selectFrom(AGENT_CAPACITY).where(AGENT_CAPACITY.USERNAME.in(names)).forEach(c -> {
      capacity.computeIfAbsent(c.getUsername(), k -> new LinkedHashMap<>()).put(c.getChannel(), c.getCapacity());
      active.computeIfAbsent(c.getUsername(), k -> new LinkedHashMap<>()).put(c.getChannel(), c.getActive());
    });
    Map<String, List<String>> holding = new HashMap<>();
    dsl.select(ASSIGNMENT.USERNAME, ASSIGNMENT.INTERACTION_ID).from(ASSIGNMENT)
        .where(ASSIGNMENT.USERNAME.in(names).and(ASSIGNMENT.ENDED_AT.isNull())).orderBy(ASSIGNMENT.ASSIGNED_AT)
        .forEach(r -> holding.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    return rows.stream().map(a -> {
      List<String> held = holding.getOrDefault(a.getUsername(), List.of());
      AgentState state = AgentState.valueOf(a.getState());
      if (state == AgentState.available && !held.isEmpty()) {
        state = AgentState.busy;
      }
      return new AgentStatus(a.getUsername(), state, a.getStateSince(), a.getIdleSince(),
          queues.getOrDefault(a.getUsername(), List.of()), capacity.getOrDefault(a.getUsername(), Map.of()),
          active.getOrDefault(a.getUsername(), Map.of()), a.getOfferId(), a.getAcwUntil(), held, a.getAddress());
    }).toList();
  }

  /** Sets a state the agent chose; leaving after-call work early is allowed, an open offer is given back. */
  public void chooseState(String username, AgentState state, long now) {
    dsl.transaction(c -> {
      DSLContext tx = c.dsl();
      AgentRecord agent = tx.selectFrom(AGENT).where(AGENT.USERNAME.eq(username)).forUpdate().fetchOne();
      if (agent == null) {
        return;
      }
      if (state != AgentState.available && agent.getOfferId() != null) {
        releaseOffer(tx, agent.getOfferId(), "withdrawn", now);
      }
      var update = tx.update(AGENT).set(AGENT.STATE, state.name()).set(AGENT.STATE_SINCE, now).set(AGENT.SEEN_AT, now)
          .set(AGENT.LAPSED_IN_ROW, 0).setNull(AGENT.ACW_UNTIL);
      if (state == AgentState.available && !agent.getState().equals(AgentState.available.name())) {
        update = update.set(AGENT.IDLE_SINCE, now);
      }
      update.where(AGENT.USERNAME.eq(username)).execute();
    });
  }

  public void setAddress(String username, String address) {
    dsl.update(AGENT).set(AGENT.ADDRESS, address).where(AGENT.USERNAME.eq(username)).execute();
  }

  /** Within the caller's transaction: the agent's capacity on a channel, keeping how much of it is in use. */
  public static void setCapacity(DSLContext tx, String username, String channel, int capacity) {
    int updated = tx.update(AGENT_CAPACITY).set(AGENT_CAPACITY.CAPACITY, capacity)
        .where(AGENT_CAPACITY.USERNAME.eq(username).and(AGENT_CAPACITY.CHANNEL.eq(channel))).execute();
    if (updated == 0) {
      tx.insertInto(AGENT_CAPACITY).set(AGENT_CAPACITY.USERNAME, username).set(AGENT_CAPACITY.CHANNEL, channel)
          .set(AGENT_CAPACITY.CAPACITY, capacity).set(AGENT_CAPACITY.ACTIVE, 0).onDuplicateKeyIgnore().execute();
    }
  }

  /** A session or API call of the agent's answered now. */
  public void seen(String username, long now) {
    dsl.update(AGENT).set(AGENT.SEEN_AT, now).where(AGENT.USERNAME.eq(username).and(AGENT.SEEN_AT.lt(now))).execute();
  }

  /** Agents who chose available or away and whose sessions stopped answering go offline; returns them. */
  public List<String> goneQuiet(long seenBefore, long now) {
    List<String> quiet = dsl.select(AGENT.USERNAME).from(AGENT)
        .where(AGENT.SEEN_AT.lt(seenBefore).and(AGENT.STATE.in(AgentState.available.name(), AgentState.away.name())))
        .fetch(AGENT.USERNAME);
    for (String username : quiet) {
      dsl.transaction(c -> {
        AgentRecord agent = c.dsl().selectFrom(AGENT).where(AGENT.USERNAME.eq(username)).forUpdate().fetchOne();
        if (agent != null && agent.getSeenAt() < seenBefore && !agent.getState().equals(AgentState.offline.name())) {
          if (agent.getOfferId() != null) {
            releaseOffer(c.dsl(), agent.getOfferId(), "withdrawn", now);
          }
          c.dsl().update(AGENT).set(AGENT.STATE, AgentState.offline.name()).set(AGENT.STATE_SINCE, now)
              .where(AGENT.USERNAME.eq(username)).execute();
        }
      });
    }
    return quiet;
  }

  /** After-call work whose time is up ends: the agent is available again; returns them. */
  public List<String> afterCallWorkDone(long now) {
    List<String> done = dsl.select(AGENT.USERNAME).from(AGENT)
        .where(AGENT.STATE.eq(AgentState.after_call_work.name()).and(AGENT.ACW_UNTIL.le(now))).fetch(AGENT.USERNAME);
    for (String username : done) {
      dsl.update(AGENT).set(AGENT.STATE, AgentState.available.name()).set(AGENT.STATE_SINCE, now)
          .set(AGENT.IDLE_SINCE, now).setNull(AGENT.ACW_UNTIL)
          .where(AGENT.USERNAME.eq(username).and(AGENT.STATE.eq(AgentState.after_call_work.name()))
              .and(AGENT.ACW_UNTIL.le(now)))
          .execute();
    }
    return done;
  }

  // --- offering ---

  /** Interactions waiting for an offer: highest priority first, then longest waiting. */
  public List<Matcher.Waiting> waitingForOffer(int limit) {
    var rows = dsl.selectFrom(QUEUE_ENTRY).where(QUEUE_ENTRY.STATUS.eq("waiting"))
        .orderBy(QUEUE_ENTRY.PRIORITY.desc(), QUEUE_ENTRY.ENQUEUED_AT, QUEUE_ENTRY.INTERACTION_ID).limit(limit).fetch();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, Set<String>> tried = new HashMap<>();
    dsl.select(OFFER.INTERACTION_ID, OFFER.USERNAME).from(OFFER)
        .where(OFFER.INTERACTION_ID.in(rows.map(r -> r.getInteractionId()))
            .and(OFFER.STATUS.in("declined", "lapsed")))
        .forEach(r -> tried.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
    return rows.map(r -> new Matcher.Waiting(r.getInteractionId(), r.getQueueId(), r.getChannel(), r.getPriority(),
        r.getEnqueuedAt(), r.getCaller(), r.getPreferredAgent(), tried.getOrDefault(r.getInteractionId(), Set.of()),
        r.getRequirements() == null ? Map.of() : FlowJson.mapper().readValue(r.getRequirements(), REQUIREMENTS),
        r.getRegionHint()));
  }

  /** Agents who could take an offer now: available, without an open offer, seen since {@code seenSince}. */
  public List<Matcher.Candidate> candidates(long seenSince) {
    List<AgentRecord> rows = dsl.selectFrom(AGENT).where(AGENT.STATE.eq(AgentState.available.name())
        .and(AGENT.OFFER_ID.isNull()).and(AGENT.SEEN_AT.ge(seenSince))).fetch();
    if (rows.isEmpty()) {
      return List.of();
    }
    Set<String> names = rows.stream().map(AgentRecord::getUsername).collect(Collectors.toSet());
    Map<String, Set<String>> queues = new HashMap<>();
    dsl.selectFrom(QUEUE_MEMBER).where(QUEUE_MEMBER.USERNAME.in(names))
        .forEach(m -> queues.computeIfAbsent(m.getUsername(), k -> new HashSet<>()).add(m.getQueueId()));
    Map<String, Map<String, Integer>> free = new HashMap<>();
    Set<String> onCall = new HashSet<>();
    dsl.selectFrom(AGENT_CAPACITY).where(AGENT_CAPACITY.USERNAME.in(names)).forEach(c -> {
      free.computeIfAbsent(c.getUsername(), k -> new HashMap<>()).put(c.getChannel(), c.getCapacity() - c.getActive());
      if (CALLS.contains(c.getChannel()) && c.getActive() > 0) {
        onCall.add(c.getUsername());
      }
    });
    return rows.stream().map(a -> new Matcher.Candidate(a.getUsername(), a.getIdleSince(),
        queues.getOrDefault(a.getUsername(), Set.of()), free.getOrDefault(a.getUsername(), Map.of()),
        onCall.contains(a.getUsername()), a.getAddress())).toList();
  }

  /**
   * Offers the interaction to the agent if, at this moment, the interaction still waits without an
   * offer, the agent is still available without one and not on a call, and has room on the channel.
   * All of it or nothing: false when another instance got there first.
   */
  public boolean claimOffer(Matcher.Waiting waiting, String username, String offerId, long now, long expiresAt,
      long seenSince) {
    return claimOffer(waiting, username, offerId, now, expiresAt, seenSince, null);
  }

  /** As {@link #claimOffer(Matcher.Waiting, String, String, long, long, long)}, keeping why the agent was chosen. */
  public boolean claimOffer(Matcher.Waiting waiting, String username, String offerId, long now, long expiresAt,
      long seenSince, String reason) {
    try {
      dsl.transaction(c -> {
        DSLContext tx = c.dsl();
        expectOne(tx.update(QUEUE_ENTRY).set(QUEUE_ENTRY.STATUS, "offered").set(QUEUE_ENTRY.OFFER_ID, offerId)
            .where(QUEUE_ENTRY.INTERACTION_ID.eq(waiting.interactionId()).and(QUEUE_ENTRY.STATUS.eq("waiting")))
            .execute(), "the interaction is no longer waiting");
        expectOne(tx.update(AGENT).set(AGENT.OFFER_ID, offerId)
            .where(AGENT.USERNAME.eq(username).and(AGENT.OFFER_ID.isNull())
                .and(AGENT.STATE.eq(AgentState.available.name())).and(AGENT.SEEN_AT.ge(seenSince))
                .andNotExists(DSL.selectOne().from(AGENT_CAPACITY).where(AGENT_CAPACITY.USERNAME.eq(username)
                    .and(AGENT_CAPACITY.CHANNEL.in(CALLS)).and(AGENT_CAPACITY.ACTIVE.gt(0)))))
            .execute(), "the agent is no longer free");
        expectOne(tx.update(AGENT_CAPACITY).set(AGENT_CAPACITY.ACTIVE, AGENT_CAPACITY.ACTIVE.plus(1))
            .where(AGENT_CAPACITY.USERNAME.eq(username).and(AGENT_CAPACITY.CHANNEL.eq(waiting.channel()))
                .and(AGENT_CAPACITY.ACTIVE.lt(AGENT_CAPACITY.CAPACITY)))
            .execute(), "the agent has no room left");
        tx.insertInto(OFFER).set(OFFER.ID, offerId).set(OFFER.INTERACTION_ID, waiting.interactionId())
            .set(OFFER.USERNAME, username).set(OFFER.QUEUE_ID, waiting.queueId()).set(OFFER.CHANNEL, waiting.channel())
            .set(OFFER.STATUS, "open").set(OFFER.CREATED_AT, now).set(OFFER.EXPIRES_AT, expiresAt)
            .set(OFFER.REASON, reason == null ? null : reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason)
            .execute();
      });
      return true;
    } catch (ClaimLost lost) {
      return false;
    } catch (org.jooq.exception.DataAccessException e) {
      if (Databases.isRollback(e)) {
        return false; // the database chose this claim as a deadlock's victim: another one won
      }
      throw e;
    }
  }

  private static void expectOne(int updated, String otherwise) {
    if (updated != 1) {
      throw new ClaimLost(otherwise);
    }
  }

  public Optional<Offer> offer(String id) {
    return offers(OFFER.ID.eq(id)).stream().findFirst();
  }

  public List<Offer> openOffers(String username) {
    return offers(OFFER.USERNAME.eq(username).and(OFFER.STATUS.eq("open")));
  }

  private List<Offer> offers(Condition which) {
    return dsl.select(OFFER.fields()).select(QUEUE_ENTRY.CALLER, QUEUE_ENTRY.PRIORITY, QUEUE_ENTRY.ENQUEUED_AT)
        .from(OFFER).leftJoin(QUEUE_ENTRY).on(QUEUE_ENTRY.INTERACTION_ID.eq(OFFER.INTERACTION_ID))
        .where(which).orderBy(OFFER.CREATED_AT)
        .fetch(r -> new Offer(r.get(OFFER.ID), r.get(OFFER.INTERACTION_ID), r.get(OFFER.USERNAME), r.get(OFFER.QUEUE_ID),
            r.get(OFFER.CHANNEL), r.get(QUEUE_ENTRY.CALLER), r.get(QUEUE_ENTRY.PRIORITY) == null ? 0
                : r.get(QUEUE_ENTRY.PRIORITY), r.get(QUEUE_ENTRY.ENQUEUED_AT) == null ? r.get(OFFER.CREATED_AT)
                : r.get(QUEUE_ENTRY.ENQUEUED_AT), r.get(OFFER.CREATED_AT), r.get(OFFER.EXPIRES_AT), r.get(OFFER.STATUS),
            r.get(OFFER.REASON)));
  }

  /** Open offers whose time ran out. */
  public List<String> expiredOffers(long now, int limit) {
    return dsl.select(OFFER.ID).from(OFFER).where(OFFER.STATUS.eq("open").and(OFFER.EXPIRES_AT.le(now)))
        .orderBy(OFFER.EXPIRES_AT).limit(limit).fetch(OFFER.ID);
  }

  /**
   * Ends an open offer without an assignment (declined, lapsed or withdrawn): the interaction waits
   * for the next agent, the agent's place is free again. A lapse counts against the agent; a second
   * in a row sets them away. Returns the agent, or empty when the offer was no longer open.
   */
  public Optional<String> endOffer(String offerId, String status, String onlyFor, long now) {
    return dsl.transactionResult(c -> {
      DSLContext tx = c.dsl();
      var offer = tx.selectFrom(OFFER).where(OFFER.ID.eq(offerId).and(OFFER.STATUS.eq("open"))).forUpdate().fetchOne();
      if (offer == null || (onlyFor != null && !offer.getUsername().equals(onlyFor))) {
        return Optional.<String>empty();
      }
      releaseOffer(tx, offerId, status, now);
      return Optional.of(offer.getUsername());
    });
  }

  /** Within a transaction: the offer ends with {@code status}, its interaction and its agent are free again. */
  static void releaseOffer(DSLContext tx, String offerId, String status, long now) {
    var offer = tx.selectFrom(OFFER).where(OFFER.ID.eq(offerId)).fetchOne();
    if (offer == null || tx.update(OFFER).set(OFFER.STATUS, status).set(OFFER.DECIDED_AT, now)
        .where(OFFER.ID.eq(offerId).and(OFFER.STATUS.eq("open"))).execute() == 0) {
      return;
    }
    tx.update(QUEUE_ENTRY).set(QUEUE_ENTRY.STATUS, "waiting").setNull(QUEUE_ENTRY.OFFER_ID)
        .where(QUEUE_ENTRY.OFFER_ID.eq(offerId)).execute();
    tx.update(AGENT_CAPACITY).set(AGENT_CAPACITY.ACTIVE, AGENT_CAPACITY.ACTIVE.minus(1))
        .where(AGENT_CAPACITY.USERNAME.eq(offer.getUsername()).and(AGENT_CAPACITY.CHANNEL.eq(offer.getChannel()))
            .and(AGENT_CAPACITY.ACTIVE.gt(0)))
        .execute();
    var agent = tx.update(AGENT).setNull(AGENT.OFFER_ID);
    if (status.equals("lapsed")) {
      // MySQL applies SET assignments left to right, each seeing the ones before: the count goes last
      agent = agent.set(AGENT.STATE, DSL.when(AGENT.LAPSED_IN_ROW.plus(1).ge(2), DSL.inline(AgentState.away.name()))
              .otherwise(AGENT.STATE))
          .set(AGENT.STATE_SINCE, DSL.when(AGENT.LAPSED_IN_ROW.plus(1).ge(2), DSL.inline(now)).otherwise(AGENT.STATE_SINCE))
          .set(AGENT.LAPSED_IN_ROW, AGENT.LAPSED_IN_ROW.plus(1));
    } else if (status.equals("declined")) {
      agent = agent.set(AGENT.LAPSED_IN_ROW, 0);
    }
    agent.where(AGENT.USERNAME.eq(offer.getUsername()).and(AGENT.OFFER_ID.eq(offerId))).execute();
  }

  // --- within the transaction that saves an interaction (see DeskHook) ---

  /** The accepted offer becomes an assignment, or the whole save rolls back when the offer is no longer open. */
  static void accept(DSLContext tx, String offerId, String username, String interactionId, long now) {
    var offer = tx.selectFrom(OFFER).where(OFFER.ID.eq(offerId)).fetchOne();
    if (offer == null || !offer.getUsername().equals(username) || !offer.getInteractionId().equals(interactionId)
        || tx.update(OFFER).set(OFFER.STATUS, "accepted").set(OFFER.DECIDED_AT, now)
            .where(OFFER.ID.eq(offerId).and(OFFER.STATUS.eq("open"))).execute() == 0) {
      throw new ClaimLost("the offer is no longer open");
    }
    tx.deleteFrom(QUEUE_ENTRY).where(QUEUE_ENTRY.INTERACTION_ID.eq(interactionId)).execute();
    tx.insertInto(ASSIGNMENT).set(ASSIGNMENT.INTERACTION_ID, interactionId).set(ASSIGNMENT.USERNAME, username)
        .set(ASSIGNMENT.QUEUE_ID, offer.getQueueId()).set(ASSIGNMENT.CHANNEL, offer.getChannel())
        .set(ASSIGNMENT.ASSIGNED_AT, now).execute();
    tx.update(AGENT).setNull(AGENT.OFFER_ID).set(AGENT.LAPSED_IN_ROW, 0)
        .where(AGENT.USERNAME.eq(username).and(AGENT.OFFER_ID.eq(offerId))).execute();
  }

  /** Keeps the interaction's queue entry in step with its waiting state. */
  static void project(DSLContext tx, String interactionId, String queueId, String channel, int priority, String caller,
      String preferredAgent, String requirements, String regionHint, long now) {
    var entry = tx.selectFrom(QUEUE_ENTRY).where(QUEUE_ENTRY.INTERACTION_ID.eq(interactionId)).fetchOne();
    if (queueId == null) {
      if (entry != null) {
        if (entry.getOfferId() != null) {
          releaseOffer(tx, entry.getOfferId(), "withdrawn", now);
        }
        tx.deleteFrom(QUEUE_ENTRY).where(QUEUE_ENTRY.INTERACTION_ID.eq(interactionId)).execute();
      }
      return;
    }
    if (entry == null) {
      tx.insertInto(QUEUE_ENTRY).set(QUEUE_ENTRY.INTERACTION_ID, interactionId).set(QUEUE_ENTRY.QUEUE_ID, queueId)
          .set(QUEUE_ENTRY.CHANNEL, channel).set(QUEUE_ENTRY.PRIORITY, priority).set(QUEUE_ENTRY.ENQUEUED_AT, now)
          .set(QUEUE_ENTRY.STATUS, "waiting").set(QUEUE_ENTRY.CALLER, caller)
          .set(QUEUE_ENTRY.PREFERRED_AGENT, preferredAgent).set(QUEUE_ENTRY.REQUIREMENTS, requirements)
          .set(QUEUE_ENTRY.REGION_HINT, regionHint).execute();
    } else if (!entry.getQueueId().equals(queueId) || entry.getPriority() != priority) {
      tx.update(QUEUE_ENTRY).set(QUEUE_ENTRY.QUEUE_ID, queueId).set(QUEUE_ENTRY.PRIORITY, priority)
          .where(QUEUE_ENTRY.INTERACTION_ID.eq(interactionId)).execute();
    }
  }

  /** The queue as a step sees it: its maximum wait and its signed-in members. */
  public Optional<io.switchboard.runtime.node.QueueInfo> queueInfo(String id) {
    return queue(id).map(q -> new io.switchboard.runtime.node.QueueInfo(q.id(), q.maxWaitSeconds(), signedInMembers(q.id())));
  }

  /** The queue's members who are signed in (not offline), with their skills. */
  public List<io.switchboard.runtime.node.QueueInfo.Member> signedInMembers(String queueId) {
    List<String> members = dsl.select(QUEUE_MEMBER.USERNAME).from(QUEUE_MEMBER).join(AGENT)
        .on(AGENT.USERNAME.eq(QUEUE_MEMBER.USERNAME))
        .where(QUEUE_MEMBER.QUEUE_ID.eq(queueId).and(AGENT.STATE.ne(AgentState.offline.name())))
        .fetch(QUEUE_MEMBER.USERNAME);
    if (members.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Integer>> skills = new HashMap<>();
    dsl.selectFrom(io.switchboard.runtime.store.jooq.Tables.AGENT_SKILL)
        .where(io.switchboard.runtime.store.jooq.Tables.AGENT_SKILL.USERNAME.in(members))
        .forEach(s -> skills.computeIfAbsent(s.getUsername(), k -> new HashMap<>()).put(s.getSkill(), s.getLevel()));
    return members.stream().map(m -> new io.switchboard.runtime.node.QueueInfo.Member(m, skills.getOrDefault(m, Map.of())))
        .toList();
  }

  // --- assignments ---

  /** The agent's open assignments (the interactions they hold), oldest first. */
  public List<String> holding(String username) {
    return dsl.select(ASSIGNMENT.INTERACTION_ID).from(ASSIGNMENT)
        .where(ASSIGNMENT.USERNAME.eq(username).and(ASSIGNMENT.ENDED_AT.isNull())).orderBy(ASSIGNMENT.ASSIGNED_AT)
        .fetch(ASSIGNMENT.INTERACTION_ID);
  }

  /** Who holds the interaction now, or who held it last. */
  public Optional<Assignment> assignment(String interactionId) {
    return dsl.selectFrom(ASSIGNMENT).where(ASSIGNMENT.INTERACTION_ID.eq(interactionId))
        .orderBy(ASSIGNMENT.ASSIGNED_AT.desc(), ASSIGNMENT.ENDED_AT.isNull().desc()).limit(1).fetchOptional(a ->
        new Assignment(a.getInteractionId(), a.getUsername(), a.getQueueId(), a.getChannel(), a.getAssignedAt(),
            a.getEndedAt(), a.getWrapUpCode(), a.getWrappedAt()));
  }

  /**
   * Ends the agent's assignment: their place on the channel is free, and they are in after-call work
   * for {@code afterCallWorkSeconds} (none: available at once). False when it was not theirs or over.
   */
  public boolean endAssignment(String interactionId, String username, int afterCallWorkSeconds, long now) {
    return dsl.transactionResult(c -> {
      DSLContext tx = c.dsl();
      var assignment = tx.selectFrom(ASSIGNMENT).where(ASSIGNMENT.INTERACTION_ID.eq(interactionId)
          .and(ASSIGNMENT.USERNAME.eq(username)).and(ASSIGNMENT.ENDED_AT.isNull())).forUpdate().fetchOne();
      if (assignment == null) {
        return false;
      }
      tx.update(ASSIGNMENT).set(ASSIGNMENT.ENDED_AT, now).where(ASSIGNMENT.INTERACTION_ID.eq(interactionId)
          .and(ASSIGNMENT.USERNAME.eq(username)).and(ASSIGNMENT.ENDED_AT.isNull())).execute();
      tx.update(AGENT_CAPACITY).set(AGENT_CAPACITY.ACTIVE, AGENT_CAPACITY.ACTIVE.minus(1))
          .where(AGENT_CAPACITY.USERNAME.eq(username).and(AGENT_CAPACITY.CHANNEL.eq(assignment.getChannel()))
              .and(AGENT_CAPACITY.ACTIVE.gt(0)))
          .execute();
      boolean stillHolding = tx.fetchExists(ASSIGNMENT, ASSIGNMENT.USERNAME.eq(username).and(ASSIGNMENT.ENDED_AT.isNull()));
      if (afterCallWorkSeconds > 0) {
        tx.update(AGENT).set(AGENT.STATE, AgentState.after_call_work.name()).set(AGENT.STATE_SINCE, now)
            .set(AGENT.ACW_UNTIL, now + afterCallWorkSeconds * 1000L)
            .where(AGENT.USERNAME.eq(username).and(AGENT.STATE.in(AgentState.available.name(),
                AgentState.after_call_work.name())))
            .execute();
      } else if (!stillHolding) {
        tx.update(AGENT).set(AGENT.IDLE_SINCE, now).where(AGENT.USERNAME.eq(username)).execute();
      }
      return true;
    });
  }

  /** Records the wrap-up code; when no other wrap-up is pending, the agent's after-call work ends. */
  public boolean wrapUp(String interactionId, String username, String code, long now) {
    return dsl.transactionResult(c -> {
      DSLContext tx = c.dsl();
      int updated = tx.update(ASSIGNMENT).set(ASSIGNMENT.WRAP_UP_CODE, code).set(ASSIGNMENT.WRAPPED_AT, now)
          .where(ASSIGNMENT.INTERACTION_ID.eq(interactionId).and(ASSIGNMENT.USERNAME.eq(username))
              .and(ASSIGNMENT.ENDED_AT.isNotNull()))
          .execute();
      if (updated == 0) {
        return false;
      }
      boolean pending = tx.fetchExists(ASSIGNMENT, ASSIGNMENT.USERNAME.eq(username).and(ASSIGNMENT.ENDED_AT.isNotNull())
          .and(ASSIGNMENT.WRAPPED_AT.isNull()).and(ASSIGNMENT.ENDED_AT.gt(now - 24 * 3600_000L)));
      if (!pending) {
        tx.update(AGENT).set(AGENT.STATE, AgentState.available.name()).set(AGENT.STATE_SINCE, now)
            .set(AGENT.IDLE_SINCE, now).setNull(AGENT.ACW_UNTIL)
            .where(AGENT.USERNAME.eq(username).and(AGENT.STATE.eq(AgentState.after_call_work.name()))).execute();
      }
      return true;
    });
  }

  /** An interaction's assignment: who, from which queue, when it began and ended, and its wrap-up. */
  public record Assignment(String interactionId, String username, String queueId, String channel, long assignedAt,
      Long endedAt, String wrapUpCode, Long wrappedAt) {}

  // --- notes and history ---

  public void addNote(Note note) {
    dsl.insertInto(INTERACTION_NOTE).set(INTERACTION_NOTE.ID, note.id()).set(INTERACTION_NOTE.INTERACTION_ID,
        note.interactionId()).set(INTERACTION_NOTE.AUTHOR, note.author()).set(INTERACTION_NOTE.BODY, note.body())
        .set(INTERACTION_NOTE.CREATED_AT, note.createdAt()).execute();
  }

  public List<Note> notes(String interactionId) {
    return dsl.selectFrom(INTERACTION_NOTE).where(INTERACTION_NOTE.INTERACTION_ID.eq(interactionId))
        .orderBy(INTERACTION_NOTE.CREATED_AT, INTERACTION_NOTE.ID)
        .fetch(n -> new Note(n.getId(), n.getInteractionId(), n.getAuthor(), n.getBody(), n.getCreatedAt()));
  }

  /** The customer's other interactions, newest first. */
  public List<EarlierInteraction> earlier(String customer, String except, int limit) {
    return dsl.select(INTERACTION.ID, INTERACTION.FLOW_ID, INTERACTION.CHANNEL, INTERACTION.STATUS, INTERACTION.OUTCOME,
            INTERACTION.AGENT, INTERACTION.CREATED_AT).from(INTERACTION)
        .where(INTERACTION.CUSTOMER.eq(customer).and(INTERACTION.ID.ne(except)))
        .orderBy(INTERACTION.CREATED_AT.desc()).limit(limit)
        .fetch(r -> new EarlierInteraction(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
            r.value7()));
  }

  /** Which of these interactions are waiting in a queue now, by queue. */
  public Map<String, String> queued(Collection<String> interactionIds) {
    return dsl.select(QUEUE_ENTRY.INTERACTION_ID, QUEUE_ENTRY.QUEUE_ID).from(QUEUE_ENTRY)
        .where(QUEUE_ENTRY.INTERACTION_ID.in(interactionIds)).fetchMap(QUEUE_ENTRY.INTERACTION_ID, QUEUE_ENTRY.QUEUE_ID);
  }
}
