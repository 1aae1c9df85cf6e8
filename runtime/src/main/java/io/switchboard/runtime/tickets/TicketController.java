package io.switchboard.runtime.tickets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Threads for integrations and mail tools: list, read, change, note, reply; and their configuration for admins. */
@RestController
@Tag(name = "Threads", description = "Cases with their timeline, SLA clocks, notes and e-mail replies; statuses, "
    + "targets, business hours, templates and snippets")
public class TicketController {
  private final TicketService tickets;

  public TicketController(TicketService tickets) {
    this.tickets = tickets;
  }

  /** A thread as lists and integrations see it. */
  public record ThreadView(String id, long number, String subject, Customer customer, String queue, String assignee,
      String priority, String status, String channel, Instant createdAt, Instant updatedAt, Instant statusSince,
      SlaView sla) {
    static ThreadView of(Ticket t) {
      return new ThreadView(t.id(), t.number(), t.subject(), t.customer(), t.queue(), t.assignee(), t.priority(),
          t.status(), t.channel(), Instant.ofEpochMilli(t.createdAt()), Instant.ofEpochMilli(t.updatedAt()),
          Instant.ofEpochMilli(t.statusSince()), SlaView.of(t.sla()));
    }
  }

  /** Where a thread stands against its limits. */
  public record SlaView(String state, Instant firstResponseDue, Instant firstResponseAt, Instant resolutionDue,
      Instant resolvedAt, Instant statusDue, boolean paused, String breach, Instant breachedAt, String raisedFrom) {
    static SlaView of(Ticket.Sla s) {
      return new SlaView(s.state(), at(s.firstResponseDue()), at(s.firstResponseAt()), at(s.resolutionDue()),
          at(s.resolvedAt()), at(s.statusDue()), s.pausedAt() != null, s.breach(), at(s.breachedAt()), s.raisedFrom());
    }
  }

  /** One timeline entry. */
  public record EntryView(String id, String kind, String direction, Instant at, String by, String from, List<String> to,
      List<String> cc, String subject, String body, String messageId, String interactionId,
      TimelineEntry.Delivery delivery, List<TimelineEntry.AttachmentInfo> attachments, TimelineEntry.Card card,
      Map<String, Object> detail) {
    static EntryView of(TimelineEntry e) {
      return new EntryView(e.id(), e.kind(), e.direction(), Instant.ofEpochMilli(e.at()), e.by(), e.from(), e.to(),
          e.cc(), e.subject(), e.body(), e.messageId(), e.interactionId(), e.delivery(), e.attachments(), e.card(),
          e.detail());
    }
  }

  public record ThreadPage(List<ThreadView> threads, int total) {}

  public record ThreadWithTimeline(ThreadView thread, List<EntryView> timeline) {}

  @GetMapping("/api/threads")
  @Operation(summary = "Threads, overdue and nearing their limit first, then the latest changed",
      description = "Filters: queue, status, assignee ('-' for nobody), overdue=true, q (number, subject, customer), "
          + "open=true (not in a status that resolves); limit (default 50) and offset")
  public ThreadPage list(@RequestParam(required = false) String queue, @RequestParam(required = false) String status,
      @RequestParam(required = false) String assignee, @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean open,
      @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
    TicketRepository.Page page = tickets.list(new TicketRepository.Filter(blank(queue), blank(status), blank(assignee),
        overdue, blank(q), open, limit, offset));
    return new ThreadPage(page.threads().stream().map(ThreadView::of).toList(), page.total());
  }

  /** A thread opened by hand. */
  public record NewThreadBody(String subject, String customerName, String email, String phone, String queue,
      String priority, String status, String note) {}

  @PostMapping("/api/threads")
  @Operation(summary = "Open a thread", description = "{subject, customerName, email, phone, queue, priority, status, note}")
  public ResponseEntity<ThreadView> open(@RequestBody NewThreadBody body, HttpServletRequest request) {
    if (body == null) {
      throw new BadRequestException("a body {subject, email or phone, queue, priority} is required");
    }
    Ticket thread = tickets.open(new TicketService.NewThread(body.subject(), body.customerName(), body.email(),
        body.phone(), body.queue(), body.priority(), body.status(), body.note()), Caller.of(request).person());
    return ResponseEntity.status(HttpStatus.CREATED).body(ThreadView.of(thread));
  }

  @GetMapping("/api/threads/{id}")
  @Operation(summary = "A thread (by id or number) with its timeline in time order",
      description = "Entries: kind (interaction, email, message, note, document, change), direction, from, to, subject, "
          + "body, attachments, at, by; an interaction's card; an e-mail's delivery")
  public ThreadWithTimeline get(@PathVariable String id) {
    TicketService.ThreadView view = tickets.view(id);
    return new ThreadWithTimeline(ThreadView.of(view.thread()), view.timeline().stream().map(EntryView::of).toList());
  }

  @PatchMapping("/api/threads/{id}")
  @Operation(summary = "Change a thread's status, assignee, priority, queue or subject",
      description = "Only the fields given change; \"\" clears the assignee or the queue. Each change joins the timeline.")
  public ThreadView patch(@PathVariable String id, @RequestBody TicketService.Patch patch, HttpServletRequest request) {
    if (patch == null) {
      throw new BadRequestException("a body {status, assignee, priority, queue, subject} is required");
    }
    return ThreadView.of(tickets.patch(id, patch, Caller.of(request).person()));
  }

  /** A note, with files attached in base64. */
  public record NoteBody(String text, List<TicketService.NewAttachment> attachments) {}

  @PostMapping("/api/threads/{id}/notes")
  @Operation(summary = "Write an internal note (with attachments: [{name, contentType, content (base64)}])")
  public ResponseEntity<EntryView> note(@PathVariable String id, @RequestBody NoteBody body, HttpServletRequest request) {
    if (body == null) {
      throw new BadRequestException("a body {text} is required");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(EntryView.of(tickets.addNote(id, body.text(),
        Caller.of(request).person(), body.attachments())));
  }

  @PostMapping("/api/threads/{id}/replies")
  @Operation(summary = "Reply by e-mail through the outbox",
      description = "{to, cc, templateId, snippetIds, subject, body, attachments, status}: the body (or the template's) "
          + "with the snippets and placeholders filled in; the thread's number goes into the subject, Message-ID, "
          + "In-Reply-To and References into the headers. The entry shows the delivery (queued, sent, failed).")
  public ResponseEntity<EntryView> reply(@PathVariable String id, @RequestBody TicketService.Reply body,
      HttpServletRequest request) {
    if (body == null) {
      throw new BadRequestException("a body {to, body or templateId} is required");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(EntryView.of(tickets.reply(id, body, Caller.of(request).person())));
  }

  @PostMapping("/api/threads/{id}/replies/preview")
  @Operation(summary = "What a reply would say, without sending it")
  public TicketService.Draft preview(@PathVariable String id, @RequestBody TicketService.Reply body,
      HttpServletRequest request) {
    if (body == null) {
      throw new BadRequestException("a body {templateId, snippetIds, body} is required");
    }
    return tickets.draft(id, body, Caller.of(request).person());
  }

  public record AttachInteractionBody(String interactionId) {}

  @PostMapping("/api/threads/{id}/interactions")
  @Operation(summary = "Attach an interaction to the thread (its card joins the timeline)")
  public ThreadView attach(@PathVariable String id, @RequestBody AttachInteractionBody body, HttpServletRequest request) {
    if (body == null || body.interactionId() == null) {
      throw new BadRequestException("a body {interactionId} is required");
    }
    return ThreadView.of(tickets.attachInteraction(id, body.interactionId(), Caller.of(request).person()));
  }

  @GetMapping("/api/threads/{id}/attachments/{attachmentId}")
  @Operation(summary = "An attachment's bytes")
  public ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId) {
    Ticket thread = tickets.threadByKey(id);
    TicketRepository.StoredAttachment a = tickets.attachment(thread.id(), attachmentId);
    MediaType type;
    try {
      type = MediaType.parseMediaType(a.contentType());
    } catch (RuntimeException e) {
      type = MediaType.APPLICATION_OCTET_STREAM;
    }
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(a.name(),
            java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(a.content());
  }

  // --- configuration (admins) ---

  @GetMapping("/api/admin/thread-statuses")
  @Operation(summary = "The statuses, in order, with their limits per priority in minutes")
  public List<TicketStatus> statuses() {
    return tickets.statuses();
  }

  /** A status as written. */
  public record StatusBody(String label, Integer position, Boolean pausesClock, Boolean resolves,
      Map<String, Integer> limitMinutes) {}

  @PutMapping("/api/admin/thread-statuses/{id}")
  @Operation(summary = "Create or change a status", description = "{label, position, pausesClock, resolves, "
      + "limitMinutes: {low, normal, high, urgent}}")
  public TicketStatus putStatus(@PathVariable String id, @RequestBody StatusBody body) {
    if (body == null) {
      throw new BadRequestException("a body {label, position, pausesClock, resolves, limitMinutes} is required");
    }
    return tickets.putStatus(new TicketStatus(id, body.label(), body.position() == null ? 100 : body.position(),
        Boolean.TRUE.equals(body.pausesClock()), Boolean.TRUE.equals(body.resolves()),
        body.limitMinutes() == null ? Map.of() : body.limitMinutes()));
  }

  @DeleteMapping("/api/admin/thread-statuses/{id}")
  @Operation(summary = "Delete a status no thread is in")
  public ResponseEntity<Void> deleteStatus(@PathVariable String id) {
    tickets.deleteStatus(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/admin/sla-targets")
  @Operation(summary = "First-response and resolution targets per priority, in minutes")
  public List<SlaTarget> targets() {
    return tickets.targets();
  }

  @PutMapping("/api/admin/sla-targets")
  @Operation(summary = "Replace the targets", description = "[{priority, firstResponseMinutes, resolutionMinutes}]")
  public List<SlaTarget> putTargets(@RequestBody List<SlaTarget> targets) {
    if (targets == null) {
      throw new BadRequestException("a body [{priority, firstResponseMinutes, resolutionMinutes}] is required");
    }
    return tickets.putTargets(targets);
  }

  /** Business hours as JSON: times as "08:00", holidays as "2026-12-24". */
  public record HoursBody(Boolean enabled, String timeZone, Map<String, List<String>> weekly, List<String> holidays) {
    static HoursBody of(BusinessHours h) {
      Map<String, List<String>> weekly = new LinkedHashMap<>();
      h.weekly().forEach((day, times) -> weekly.put(day, times.stream().map(LocalTime::toString).toList()));
      return new HoursBody(h.enabled(), h.zone().getId(), weekly,
          new TreeSet<>(h.holidays()).stream().map(LocalDate::toString).toList());
    }
  }

  @GetMapping("/api/admin/business-hours")
  @Operation(summary = "The hours in which the SLA clocks run (off: always)")
  public HoursBody businessHours() {
    return HoursBody.of(tickets.businessHours());
  }

  @PutMapping("/api/admin/business-hours")
  @Operation(summary = "Set the business hours", description = "{enabled, timeZone, weekly: {mon: [\"08:00\", \"17:00\"]}, "
      + "holidays: [\"2026-12-24\"]}")
  public HoursBody putBusinessHours(@RequestBody HoursBody body) {
    if (body == null) {
      throw new BadRequestException("a body {enabled, timeZone, weekly, holidays} is required");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(body.timeZone() == null ? "UTC" : body.timeZone());
    } catch (DateTimeException e) {
      throw new BadRequestException("'" + body.timeZone() + "' is not a time zone (e.g. Europe/Warsaw)");
    }
    Map<String, List<LocalTime>> weekly = new LinkedHashMap<>();
    Set<LocalDate> holidays = new TreeSet<>();
    try {
      (body.weekly() == null ? Map.<String, List<String>>of() : body.weekly()).forEach((day, times) ->
          weekly.put(day, times.stream().map(LocalTime::parse).toList()));
      (body.holidays() == null ? List.<String>of() : body.holidays()).forEach(d -> holidays.add(LocalDate.parse(d)));
    } catch (DateTimeParseException e) {
      throw new BadRequestException("'" + e.getParsedString() + "' is not a time (08:00) or a date (2026-12-24)");
    }
    return HoursBody.of(tickets.putBusinessHours(new BusinessHours(Boolean.TRUE.equals(body.enabled()), zone, weekly,
        holidays)));
  }

  @GetMapping("/api/admin/templates")
  @Operation(summary = "Reply templates", description = "Placeholders: " + "{{ thread.number }}, {{ customer.name }}, "
      + "{{ agent.name }} and the others Placeholders lists")
  public List<ReplyTemplate> templates() {
    return tickets.templates();
  }

  public record TemplateBody(String name, String subject, String body) {}

  @PutMapping("/api/admin/templates/{id}")
  @Operation(summary = "Create or change a reply template", description = "{name, subject, body}")
  public ReplyTemplate putTemplate(@PathVariable String id, @RequestBody TemplateBody body, HttpServletRequest request) {
    if (body == null) {
      throw new BadRequestException("a body {name, subject, body} is required");
    }
    return tickets.putTemplate(new ReplyTemplate(id, body.name(), body.subject(), body.body(), 0, null),
        Caller.of(request).person());
  }

  @DeleteMapping("/api/admin/templates/{id}")
  @Operation(summary = "Delete a reply template")
  public ResponseEntity<Void> deleteTemplate(@PathVariable String id) {
    tickets.deleteTemplate(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/admin/snippets")
  @Operation(summary = "Snippets agents insert by typing :: and the id")
  public List<Snippet> snippets() {
    return tickets.snippets();
  }

  public record SnippetBody(String name, String body) {}

  @PutMapping("/api/admin/snippets/{id}")
  @Operation(summary = "Create or change a snippet", description = "{name, body}")
  public Snippet putSnippet(@PathVariable String id, @RequestBody SnippetBody body, HttpServletRequest request) {
    if (body == null) {
      throw new BadRequestException("a body {name, body} is required");
    }
    return tickets.putSnippet(new Snippet(id, body.name(), body.body(), 0, null), Caller.of(request).person());
  }

  @DeleteMapping("/api/admin/snippets/{id}")
  @Operation(summary = "Delete a snippet")
  public ResponseEntity<Void> deleteSnippet(@PathVariable String id) {
    tickets.deleteSnippet(id);
    return ResponseEntity.noContent().build();
  }

  private static Instant at(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
