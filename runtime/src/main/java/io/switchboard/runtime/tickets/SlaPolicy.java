package io.switchboard.runtime.tickets;

import io.switchboard.runtime.store.jooq.tables.records.ThreadRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SLA clocks of threads, as stored deadlines on the thread's row.
 *
 * <ul>
 *   <li>First response: due the priority's target after the thread opened; met by the first reply sent
 *       to the customer.
 *   <li>Resolution: due the priority's target after it opened; met when it reaches a status that resolves.
 *   <li>Time in status: due the status's limit for the priority after it entered the status.
 * </ul>
 *
 * Targets count business time when business hours are on. While the thread is in a status that pauses
 * the clock, first response and resolution stand still: leaving it moves their deadlines on by the
 * business time that was left. A thread is nearing a deadline once {@link #NEARING} of its time has
 * passed, and breached once it has passed.
 */
public record SlaPolicy(Map<String, TicketStatus> statuses, Map<String, SlaTarget> targets, BusinessHours hours) {
  public static final double NEARING = 0.8;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

  public static SlaPolicy of(List<TicketStatus> statuses, List<SlaTarget> targets, BusinessHours hours) {
    return new SlaPolicy(statuses.stream().collect(Collectors.toMap(TicketStatus::id, Function.identity())),
        targets.stream().collect(Collectors.toMap(SlaTarget::priority, Function.identity())), hours);
  }

  public Set<String> resolving() {
    return statuses.values().stream().filter(TicketStatus::resolves).map(TicketStatus::id).collect(Collectors.toSet());
  }

  public boolean pauses(String status) {
    TicketStatus s = statuses.get(status);
    return s != null && s.pausesClock();
  }

  public boolean resolves(String status) {
    TicketStatus s = statuses.get(status);
    return s != null && s.resolves();
  }

  /** Sets the clocks of a thread that opens now in its status and priority. */
  public void open(ThreadRecord row, long now) {
    row.setCreatedAt(now);
    row.setStatusSince(now);
    row.setSlaState("ok");
    targets(row);
    enterStatus(row, row.getStatus(), now);
    evaluate(row, now);
  }

  /** Moves the thread to another status and re-reads its clocks. */
  public void changeStatus(ThreadRecord row, String status, long now) {
    if (status.equals(row.getStatus())) {
      return;
    }
    boolean wasPaused = row.getPausedAt() != null;
    boolean pausesNow = pauses(status);
    if (wasPaused && !pausesNow) {
      long pausedAt = row.getPausedAt();
      row.setFirstResponseDue(resume(row.getFirstResponseDue(), pausedAt, now));
      row.setResolutionDue(resume(row.getResolutionDue(), pausedAt, now));
      row.setPausedAt(null);
    } else if (!wasPaused && pausesNow) {
      row.setPausedAt(now);
    }
    if (resolves(status)) {
      if (row.getResolvedAt() == null) {
        row.setResolvedAt(now);
      }
    } else {
      row.setResolvedAt(null);
    }
    enterStatus(row, status, now);
    evaluate(row, now);
  }

  /** A person set the priority: the targets are those of the new priority, counted from the opening. */
  public void changePriority(ThreadRecord row, String priority, long now) {
    row.setPriority(priority);
    row.setRaisedFrom(null);
    targets(row);
    Integer limit = limit(row.getStatus(), priority);
    row.setStatusDue(limit == null ? null : hours.plus(row.getStatusSince(), limit));
    evaluate(row, now);
  }

  /** The first reply to the customer went out. */
  public void responded(ThreadRecord row, long now) {
    if (row.getFirstResponseAt() == null) {
      row.setFirstResponseAt(now);
      evaluate(row, now);
    }
  }

  private void targets(ThreadRecord row) {
    SlaTarget target = targets.get(row.getPriority());
    long created = row.getCreatedAt();
    row.setFirstResponseDue(target == null || target.firstResponseMinutes() == null ? null
        : hours.plus(created, target.firstResponseMinutes()));
    row.setResolutionDue(target == null || target.resolutionMinutes() == null ? null
        : hours.plus(created, target.resolutionMinutes()));
  }

  private void enterStatus(ThreadRecord row, String status, long now) {
    row.setStatus(status);
    row.setStatusSince(now);
    Integer limit = limit(status, row.getPriority());
    row.setStatusDue(limit == null ? null : hours.plus(now, limit));
  }

  private Integer limit(String status, String priority) {
    TicketStatus s = statuses.get(status);
    return s == null ? null : s.limitMinutes().get(priority);
  }

  private Long resume(Long due, long pausedAt, long now) {
    if (due == null) {
      return null;
    }
    long left = hours.between(pausedAt, due);
    return due <= pausedAt ? due : hours.plusMillis(now, left);
  }

  /** One deadline that still counts. */
  public record Deadline(String name, long start, long due) {
    long nearingAt() {
      return start + (long) ((due - start) * NEARING);
    }
  }

  /** The deadlines that count now: paused clocks and met targets do not. */
  public List<Deadline> running(ThreadRecord row) {
    List<Deadline> running = new ArrayList<>();
    boolean paused = row.getPausedAt() != null;
    boolean resolved = row.getResolvedAt() != null;
    if (!paused && !resolved && row.getFirstResponseAt() == null && row.getFirstResponseDue() != null) {
      running.add(new Deadline("first response", row.getCreatedAt(), row.getFirstResponseDue()));
    }
    if (!paused && !resolved && row.getResolutionDue() != null) {
      running.add(new Deadline("resolution", row.getCreatedAt(), row.getResolutionDue()));
    }
    if (row.getStatusDue() != null) {
      TicketStatus s = statuses.get(row.getStatus());
      running.add(new Deadline("time in '" + (s == null ? row.getStatus() : s.label()) + "'", row.getStatusSince(),
          row.getStatusDue()));
    }
    return running;
  }

  /** What the thread's SLA state is at {@code now}. */
  public record Evaluation(String state, String breach, Long nextCheck) {}

  public Evaluation evaluation(ThreadRecord row, long now) {
    String state = "ok";
    String breach = null;
    Long next = null;
    for (Deadline d : running(row)) {
      if (now >= d.due()) {
        if (!"breached".equals(state)) {
          breach = d.name() + " was due " + TIME.format(Instant.ofEpochMilli(d.due()).atZone(zone())) + " " + zoneName();
        }
        state = "breached";
        continue;
      }
      if (now >= d.nearingAt()) {
        state = "breached".equals(state) ? state : "nearing";
      } else {
        next = next == null ? d.nearingAt() : Math.min(next, d.nearingAt());
      }
      next = next == null ? d.due() : Math.min(next, d.due());
    }
    return new Evaluation(state, breach, next);
  }

  /** Writes the state at {@code now} onto the row (the SLA round moves it with a claim instead). */
  void evaluate(ThreadRecord row, long now) {
    Evaluation e = evaluation(row, now);
    if ("breached".equals(e.state()) && !"breached".equals(row.getSlaState())) {
      row.setBreach(e.breach());
      row.setBreachedAt(now);
    }
    row.setSlaState(e.state());
    row.setNextCheck(e.nextCheck());
  }

  private ZoneId zone() {
    return hours.enabled() ? hours.zone() : ZoneId.of("UTC");
  }

  private String zoneName() {
    return zone().getId();
  }
}
