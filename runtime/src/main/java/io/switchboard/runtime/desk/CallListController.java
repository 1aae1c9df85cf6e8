package io.switchboard.runtime.desk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Call lists for supervisors and campaign tools: lists, CSV import, activation, and each call's outcome. */
@RestController
@Tag(name = "Call lists", description = "Campaigns: contacts from CSV worked by a queue's agents with a flow's script")
public class CallListController {
  private final CallListService lists;
  private final DeskService desk;

  public CallListController(CallListService lists, DeskService desk) {
    this.lists = lists;
    this.desk = desk;
  }

  public record ListBody(String name, String flowId, String queue, Integer maxAttempts, Integer retryMinutes) {}

  public record OutcomeBody(String outcome, String callBackAt) {}

  @PutMapping("/api/call-lists/{id}")
  @Operation(summary = "Create or change a call list", description = "{name, flowId (a published call-list flow), queue, "
      + "maxAttempts, retryMinutes}; a new list starts paused")
  public CallList put(@PathVariable String id, @RequestBody ListBody body) {
    if (body == null) {
      throw new BadRequestException("a body {name, flowId, queue, maxAttempts, retryMinutes} is required");
    }
    return lists.put(id, body.name(), body.flowId(), body.queue(), body.maxAttempts(), body.retryMinutes());
  }

  @GetMapping("/api/call-lists")
  @Operation(summary = "Every call list with its progress")
  public List<CallList> all() {
    return lists.all();
  }

  @GetMapping("/api/call-lists/{id}")
  @Operation(summary = "One call list with its progress (entries by status)")
  public CallList get(@PathVariable String id) {
    return lists.get(id);
  }

  @GetMapping("/api/call-lists/{id}/entries")
  @Operation(summary = "The list's entries in file order, with their attempts and last outcome")
  public List<CallListEntry> entries(@PathVariable String id, @RequestParam(defaultValue = "500") int limit) {
    return lists.entries(id, Math.min(Math.max(limit, 1), 5000));
  }

  @PostMapping(path = "/api/call-lists/{id}/entries", consumes = {"text/csv", "text/plain"})
  @Operation(summary = "Import contacts from CSV", description = "A header row with a number (or phone) column, an "
      + "optional name, any other columns as variables. 400 with every bad row's line number; nothing is imported then.")
  public ResponseEntity<Map<String, Object>> importCsv(@PathVariable String id, @RequestBody(required = false) String csv) {
    CallListService.Import result = lists.importCsv(id, csv);
    if (!result.problems().isEmpty()) {
      return ResponseEntity.badRequest().body(Map.of("status", 400, "message", "nothing was imported: "
          + (result.problems().size() == 1 ? "1 row needs" : result.problems().size() + " rows need") + " fixing", "problems", result.problems()));
    }
    return ResponseEntity.ok(Map.of("imported", result.imported()));
  }

  @PostMapping("/api/call-lists/{id}/activate")
  @Operation(summary = "Start offering the list's entries to the queue's free agents")
  public CallList activate(@PathVariable String id) {
    return lists.activate(id, true);
  }

  @PostMapping("/api/call-lists/{id}/pause")
  @Operation(summary = "Stop offering new entries; calls under way go on")
  public CallList pause(@PathVariable String id) {
    return lists.activate(id, false);
  }

  @PostMapping("/api/interactions/{id}/call-outcome")
  @Operation(summary = "Record how a call-list call went", description = "{outcome: reached | no_answer | busy | "
      + "wrong_number | call_back | done, callBackAt: ISO instant for call_back}")
  public CallListEntry outcome(HttpServletRequest request, @PathVariable String id, @RequestBody OutcomeBody body) {
    Caller caller = Caller.of(request);
    desk.checkMayView(id, caller);
    Long at = null;
    if (body != null && body.callBackAt() != null && !body.callBackAt().isBlank()) {
      try {
        at = Instant.parse(body.callBackAt().strip()).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new BadRequestException("callBackAt is not an ISO instant (e.g. 2026-12-01T15:30:00Z): " + body.callBackAt());
      }
    }
    return lists.outcome(id, caller.person(), body == null ? null : body.outcome(), at);
  }
}
