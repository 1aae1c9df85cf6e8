package io.switchboard.runtime.routing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The routing model for supervisors, each interaction's routing explanation, the simulator and staffing. */
@RestController
@Tag(name = "Routing", description = "Skills, regions, capacity, substitutes, absences; explanations, what-if, staffing")
public class RoutingController {
  private final RoutingService routing;
  private final DeskService desk;

  public RoutingController(RoutingService routing, DeskService desk) {
    this.routing = routing;
    this.desk = desk;
  }

  public record ProfileBody(Map<String, Integer> skills, List<String> regions, Map<String, Integer> capacity,
      List<String> substitutes) {}

  public record AbsenceBody(String from, String to, String reason) {}

  public record HoursBody(String timeZone, Map<String, List<String>> weekly, List<String> holidays) {}

  @GetMapping("/api/agents/{username}/profile")
  @Operation(summary = "The agent's skills, regions, capacity per channel and substitutes")
  public AgentProfile profile(@PathVariable String username) {
    return routing.profile(username);
  }

  @PutMapping("/api/agents/{username}/profile")
  @Operation(summary = "Replace the agent's routing profile", description = "{skills: {name: level 1-5}, regions: [...], "
      + "capacity: {voice: 1, chat: 3, email: 5}, substitutes: [username]}")
  public AgentProfile putProfile(@PathVariable String username, @RequestBody ProfileBody body) {
    if (body == null) {
      throw new BadRequestException("a body {skills, regions, capacity, substitutes} is required");
    }
    return routing.putProfile(username, body.skills(), body.regions(), body.capacity(), body.substitutes());
  }

  @GetMapping("/api/agents/{username}/absences")
  @Operation(summary = "The agent's absences that are not over (and those of the last week)")
  public List<Absence> absences(@PathVariable String username) {
    return routing.absences(username);
  }

  @PostMapping("/api/agents/{username}/absences")
  @Operation(summary = "Record an absence", description = "{from, to (ISO instants), reason}; while it lasts the agent's "
      + "work goes to their substitutes in order, then to the rest of the queue")
  public ResponseEntity<Absence> addAbsence(HttpServletRequest request, @PathVariable String username,
      @RequestBody AbsenceBody body) {
    if (body == null) {
      throw new BadRequestException("a body {from, to, reason} is required");
    }
    Absence absence = routing.addAbsence(username, instant("from", body.from()), instant("to", body.to()), body.reason(),
        Caller.of(request).username());
    return ResponseEntity.status(HttpStatus.CREATED).body(absence);
  }

  @DeleteMapping("/api/agents/{username}/absences/{id}")
  @Operation(summary = "Remove an absence")
  public ResponseEntity<Void> deleteAbsence(@PathVariable String username, @PathVariable String id) {
    routing.deleteAbsence(username, id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/queues/{id}/substitutes")
  @Operation(summary = "Who takes the queue's work, in order, when no member can")
  public List<String> queueSubstitutes(@PathVariable String id) {
    return routing.queueSubstitutes(id);
  }

  @PutMapping("/api/queues/{id}/substitutes")
  @Operation(summary = "Set the queue's substitutes, in order")
  public List<String> putQueueSubstitutes(@PathVariable String id, @RequestBody List<String> substitutes) {
    return routing.putQueueSubstitutes(id, substitutes);
  }

  @PutMapping("/api/regions/{id}/hours")
  @Operation(summary = "Set a region's working hours", description = "{timeZone, weekly: {mon: [\"08:00\", \"17:00\"]}, "
      + "holidays: [\"2026-12-24\"]}; agents serving only closed regions get nothing routed")
  public WorkingHours putHours(@PathVariable String id, @RequestBody HoursBody body) {
    if (body == null) {
      throw new BadRequestException("a body {timeZone, weekly, holidays} is required");
    }
    return routing.putHours(id, body.timeZone(), body.weekly(), body.holidays());
  }

  @GetMapping("/api/interactions/{id}/routing")
  @Operation(summary = "How the interaction was routed", description = "Every decision: the step that applied, the "
      + "caller's region, each agent considered and why they were passed over, who was chosen and why")
  public Map<String, Object> interactionRouting(HttpServletRequest request, @PathVariable String id) {
    Caller caller = Caller.of(request);
    desk.checkMayView(id, caller);
    return routing.routing(id);
  }

  @PostMapping("/api/routing/simulate")
  @Operation(summary = "What-if: the decision for an interaction on the live agents or an edited copy; changes nothing",
      description = "{queue, channel, callerNumber, region, priority, preferredAgent, requirements: {skills, steps}, "
          + "waitedSeconds, agents: [{username, state, skills, regions, free, onCall, idleSeconds, absentReason}]}")
  public Map<String, Object> simulate(@RequestBody RoutingService.Simulation body) {
    return routing.simulate(body);
  }

  @GetMapping("/api/queues/{id}/staffing")
  @Operation(summary = "Agents needed for a service level (Erlang C) and the expected wait")
  public ErlangC.Staffing staffing(@PathVariable String id, @RequestParam double arrivalsPerHour,
      @RequestParam double handleSeconds, @RequestParam(defaultValue = "0.8") double serviceLevel,
      @RequestParam(defaultValue = "20") double targetSeconds) {
    return routing.staffing(id, arrivalsPerHour, handleSeconds, serviceLevel, targetSeconds);
  }

  private static Long instant(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException(field + " is required (an ISO instant such as 2026-12-01T08:00:00Z)");
    }
    try {
      return Instant.parse(value.strip()).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field + " is not an ISO instant (e.g. 2026-12-01T08:00:00Z): " + value);
    }
  }
}
