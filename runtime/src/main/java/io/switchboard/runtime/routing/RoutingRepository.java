package io.switchboard.runtime.routing;

import static io.switchboard.runtime.store.jooq.Tables.AGENT_ABSENCE;
import static io.switchboard.runtime.store.jooq.Tables.AGENT_CAPACITY;
import static io.switchboard.runtime.store.jooq.Tables.AGENT_REGION;
import static io.switchboard.runtime.store.jooq.Tables.AGENT_SKILL;
import static io.switchboard.runtime.store.jooq.Tables.AGENT_SUBSTITUTE;
import static io.switchboard.runtime.store.jooq.Tables.QUEUE_SUBSTITUTE;
import static io.switchboard.runtime.store.jooq.Tables.REGION_HOURS;
import static io.switchboard.runtime.store.jooq.Tables.ROUTING_DECISION;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.desk.DeskRepository;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import tools.jackson.core.type.TypeReference;

/** Agents' skills, regions, substitutes and absences, queues' substitutes, regions' hours, and routing decisions. */
public final class RoutingRepository {
  private static final TypeReference<Map<String, List<String>>> WEEKLY = new TypeReference<>() {};
  private static final TypeReference<List<String>> DAYS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> EXPLANATION = new TypeReference<>() {};

  private final DSLContext dsl;

  public RoutingRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Replaces the agent's skills, regions, capacities and substitutes in one transaction. */
  public void putProfile(AgentProfile profile) {
    dsl.transaction(c -> {
      DSLContext tx = c.dsl();
      String user = profile.username();
      tx.deleteFrom(AGENT_SKILL).where(AGENT_SKILL.USERNAME.eq(user)).execute();
      for (Map.Entry<String, Integer> skill : profile.skills().entrySet()) {
        tx.insertInto(AGENT_SKILL).set(AGENT_SKILL.USERNAME, user).set(AGENT_SKILL.SKILL, skill.getKey())
            .set(AGENT_SKILL.LEVEL, skill.getValue()).execute();
      }
      tx.deleteFrom(AGENT_REGION).where(AGENT_REGION.USERNAME.eq(user)).execute();
      for (String region : profile.regions()) {
        tx.insertInto(AGENT_REGION).set(AGENT_REGION.USERNAME, user).set(AGENT_REGION.REGION_ID, region).execute();
      }
      tx.deleteFrom(AGENT_SUBSTITUTE).where(AGENT_SUBSTITUTE.USERNAME.eq(user)).execute();
      for (int i = 0; i < profile.substitutes().size(); i++) {
        tx.insertInto(AGENT_SUBSTITUTE).set(AGENT_SUBSTITUTE.USERNAME, user).set(AGENT_SUBSTITUTE.POSITION, i)
            .set(AGENT_SUBSTITUTE.SUBSTITUTE, profile.substitutes().get(i)).execute();
      }
      profile.capacity().forEach((channel, capacity) -> DeskRepository.setCapacity(tx, user, channel, capacity));
    });
  }

  /** Every agent's profile that has anything set, by username. */
  public Map<String, AgentProfile> profiles() {
    Map<String, Map<String, Integer>> skills = new HashMap<>();
    dsl.selectFrom(AGENT_SKILL).forEach(s -> skills.computeIfAbsent(s.getUsername(), k -> new LinkedHashMap<>())
        .put(s.getSkill(), s.getLevel()));
    Map<String, List<String>> regions = new HashMap<>();
    dsl.selectFrom(AGENT_REGION).orderBy(AGENT_REGION.REGION_ID)
        .forEach(r -> regions.computeIfAbsent(r.getUsername(), k -> new ArrayList<>()).add(r.getRegionId()));
    Map<String, List<String>> substitutes = new HashMap<>();
    dsl.selectFrom(AGENT_SUBSTITUTE).orderBy(AGENT_SUBSTITUTE.USERNAME, AGENT_SUBSTITUTE.POSITION)
        .forEach(s -> substitutes.computeIfAbsent(s.getUsername(), k -> new ArrayList<>()).add(s.getSubstitute()));
    Map<String, Map<String, Integer>> capacity = new HashMap<>();
    dsl.selectFrom(AGENT_CAPACITY).forEach(c -> capacity.computeIfAbsent(c.getUsername(), k -> new LinkedHashMap<>())
        .put(c.getChannel(), c.getCapacity()));
    Set<String> users = new java.util.TreeSet<>();
    users.addAll(skills.keySet());
    users.addAll(regions.keySet());
    users.addAll(substitutes.keySet());
    users.addAll(capacity.keySet());
    return users.stream().collect(Collectors.toMap(u -> u, u -> new AgentProfile(u, skills.get(u), regions.get(u),
        capacity.get(u), substitutes.get(u)), (a, b) -> a, LinkedHashMap::new));
  }

  public void putQueueSubstitutes(String queueId, List<String> substitutes) {
    dsl.transaction(c -> {
      c.dsl().deleteFrom(QUEUE_SUBSTITUTE).where(QUEUE_SUBSTITUTE.QUEUE_ID.eq(queueId)).execute();
      for (int i = 0; i < substitutes.size(); i++) {
        c.dsl().insertInto(QUEUE_SUBSTITUTE).set(QUEUE_SUBSTITUTE.QUEUE_ID, queueId).set(QUEUE_SUBSTITUTE.POSITION, i)
            .set(QUEUE_SUBSTITUTE.SUBSTITUTE, substitutes.get(i)).execute();
      }
    });
  }

  public Map<String, List<String>> queueSubstitutes() {
    Map<String, List<String>> substitutes = new HashMap<>();
    dsl.selectFrom(QUEUE_SUBSTITUTE).orderBy(QUEUE_SUBSTITUTE.QUEUE_ID, QUEUE_SUBSTITUTE.POSITION)
        .forEach(s -> substitutes.computeIfAbsent(s.getQueueId(), k -> new ArrayList<>()).add(s.getSubstitute()));
    return substitutes;
  }

  public void addAbsence(Absence absence, String by, long now) {
    dsl.insertInto(AGENT_ABSENCE).set(AGENT_ABSENCE.ID, absence.id()).set(AGENT_ABSENCE.USERNAME, absence.username())
        .set(AGENT_ABSENCE.FROM_AT, absence.from()).set(AGENT_ABSENCE.TO_AT, absence.to())
        .set(AGENT_ABSENCE.REASON, absence.reason()).set(AGENT_ABSENCE.CREATED_BY, by).set(AGENT_ABSENCE.CREATED_AT, now)
        .execute();
  }

  public boolean deleteAbsence(String username, String id) {
    return dsl.deleteFrom(AGENT_ABSENCE).where(AGENT_ABSENCE.ID.eq(id).and(AGENT_ABSENCE.USERNAME.eq(username)))
        .execute() > 0;
  }

  /** Absences not over at {@code now}, of everyone or of one agent. */
  public List<Absence> absences(String username, long now) {
    var where = AGENT_ABSENCE.TO_AT.gt(now);
    if (username != null) {
      where = where.and(AGENT_ABSENCE.USERNAME.eq(username));
    }
    return dsl.selectFrom(AGENT_ABSENCE).where(where).orderBy(AGENT_ABSENCE.FROM_AT)
        .fetch(a -> new Absence(a.getId(), a.getUsername(), a.getFromAt(), a.getToAt(), a.getReason()));
  }

  public void putHours(WorkingHours hours) {
    Map<String, List<String>> weekly = new LinkedHashMap<>();
    hours.weekly().forEach((day, times) -> weekly.put(day, times.stream().map(LocalTime::toString).toList()));
    dsl.transaction(c -> {
      c.dsl().deleteFrom(REGION_HOURS).where(REGION_HOURS.REGION_ID.eq(hours.regionId())).execute();
      c.dsl().insertInto(REGION_HOURS).set(REGION_HOURS.REGION_ID, hours.regionId())
          .set(REGION_HOURS.TIME_ZONE, hours.zone().getId()).set(REGION_HOURS.WEEKLY, FlowJson.compact(weekly))
          .set(REGION_HOURS.HOLIDAYS, FlowJson.compact(hours.holidays().stream().map(LocalDate::toString).sorted().toList()))
          .execute();
    });
  }

  public Map<String, WorkingHours> hours() {
    Map<String, WorkingHours> hours = new HashMap<>();
    dsl.selectFrom(REGION_HOURS).forEach(h -> {
      Map<String, List<LocalTime>> weekly = new LinkedHashMap<>();
      FlowJson.mapper().readValue(h.getWeekly(), WEEKLY)
          .forEach((day, times) -> weekly.put(day, times.stream().map(LocalTime::parse).toList()));
      Set<LocalDate> holidays = FlowJson.mapper().readValue(h.getHolidays(), DAYS).stream().map(LocalDate::parse)
          .collect(Collectors.toSet());
      hours.put(h.getRegionId(), new WorkingHours(h.getRegionId(), ZoneId.of(h.getTimeZone()), weekly, holidays));
    });
    return hours;
  }

  public void recordDecision(String id, String interactionId, long at, String chosen, Map<String, Object> explanation) {
    dsl.insertInto(ROUTING_DECISION).set(ROUTING_DECISION.ID, id).set(ROUTING_DECISION.INTERACTION_ID, interactionId)
        .set(ROUTING_DECISION.DECIDED_AT, at).set(ROUTING_DECISION.CHOSEN, chosen)
        .set(ROUTING_DECISION.EXPLANATION, FlowJson.compact(explanation)).execute();
  }

  /** The interaction's decisions, oldest first, each with its explanation. */
  public List<Map<String, Object>> decisions(String interactionId) {
    return dsl.selectFrom(ROUTING_DECISION).where(ROUTING_DECISION.INTERACTION_ID.eq(interactionId))
        .orderBy(ROUTING_DECISION.DECIDED_AT, ROUTING_DECISION.ID)
        .fetch(r -> FlowJson.mapper().readValue(r.getExplanation(), EXPLANATION));
  }
}
