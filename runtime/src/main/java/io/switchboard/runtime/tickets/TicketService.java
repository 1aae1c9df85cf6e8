package io.switchboard.runtime.tickets;

import static io.switchboard.runtime.store.jooq.Tables.THREAD_ENTRY;

import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.NotFoundException;
import io.switchboard.runtime.store.OutboxRepository;
import io.switchboard.runtime.store.jooq.tables.records.ThreadEntryRecord;
import io.switchboard.runtime.store.jooq.tables.records.ThreadRecord;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people, flows and the mail poller do with threads: open them, read their timeline, change
 * status, assignee, priority and queue (each change in the timeline with who and when), write notes,
 * reply by e-mail through the outbox, and configure statuses, SLA targets, business hours, templates
 * and snippets. Screens and controllers come here.
 */
public final class TicketService implements ThreadMail {
  private static final Logger log = LoggerFactory.getLogger(TicketService.class);
  public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern STATUS_ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
  private static final Pattern SNIPPET_USE = Pattern.compile("(?<![\\w:])::([a-z0-9][a-z0-9_-]{0,63})\\b");
  private static final int MAX_NOTE = 20_000;
  private static final int MAX_BODY = 200_000;
  private static final long MAX_ATTACHMENT = 10L * 1024 * 1024;
  /** The outbox kind of an e-mail written in a thread. */
  public static final String REPLY_KIND = "thread-email";

  private final TicketRepository repository;
  private final Clock clock;
  private final Ids ids;
  private final TicketPorts.Presence presence;
  private final TicketPorts.Interactions interactions;
  private final TicketPorts.People people;
  private final Runnable outboxWritten;
  private final String messageIdDomain;
  private final String mailFrom;

  public TicketService(TicketRepository repository, Clock clock, Ids ids, TicketPorts.Presence presence,
      TicketPorts.Interactions interactions, TicketPorts.People people, Runnable outboxWritten, String messageIdDomain,
      String mailFrom) {
    this.repository = repository;
    this.clock = clock;
    this.ids = ids;
    this.presence = presence;
    this.interactions = interactions;
    this.people = people;
    this.outboxWritten = outboxWritten;
    this.messageIdDomain = messageIdDomain;
    this.mailFrom = mailFrom;
  }

  public SlaPolicy policy() {
    return SlaPolicy.of(repository.statuses(), repository.targets(), repository.businessHours());
  }

  // --- reading ---

  public TicketRepository.Page list(TicketRepository.Filter filter) {
    if (filter.limit() < 1 || filter.limit() > 500) {
      throw new BadRequestException("limit must be between 1 and 500, not " + filter.limit());
    }
    if (filter.offset() < 0) {
      throw new BadRequestException("offset must not be negative");
    }
    SlaPolicy policy = policy();
    if (filter.status() != null) {
      status(policy, filter.status());
    }
    return repository.list(filter, policy.resolving());
  }

  /** A thread with its whole timeline. */
  public record ThreadView(Ticket thread, List<TimelineEntry> timeline) {}

  public Ticket thread(String id) {
    return repository.find(id).orElseThrow(() -> new NotFoundException("no thread '" + id + "'"));
  }

  /** A thread by its id or by its number ("1042" or "#1042"). */
  public Ticket threadByKey(String key) {
    Optional<Ticket> byId = repository.find(key);
    if (byId.isPresent()) {
      return byId.get();
    }
    String digits = key.startsWith("#") ? key.substring(1) : key;
    if (digits.matches("\\d{1,18}")) {
      Optional<String> id = repository.idByNumber(repository.dsl(), Long.parseLong(digits));
      if (id.isPresent()) {
        return thread(id.get());
      }
    }
    throw new NotFoundException("no thread '" + key + "'");
  }

  public ThreadView view(String id) {
    Ticket thread = threadByKey(id);
    return new ThreadView(thread, new Timeline(repository, interactions, people).of(thread.id()));
  }

  public TicketRepository.StoredAttachment attachment(String threadId, String attachmentId) {
    return repository.attachment(threadId, attachmentId)
        .orElseThrow(() -> new NotFoundException("no attachment '" + attachmentId + "' in thread '" + threadId + "'"));
  }

  /** The threads an interaction is attached to. */
  public List<Ticket> threadsOf(String interactionId) {
    return repository.threadsOf(interactionId).stream().map(this::thread).toList();
  }

  // --- opening and changing ---

  /** A thread a person opens by hand; {@code email} or {@code phone} finds or makes the customer. */
  public record NewThread(String subject, String customerName, String email, String phone, String queue,
      String priority, String status, String note) {}

  public Ticket open(NewThread request, String actor) {
    return open(request, null, actor);
  }

  /** Opens a thread for an interaction and attaches it, in one transaction (from the desk, for the call at hand). */
  public Ticket openFor(String interactionId, NewThread request, String actor) {
    if (interactionId == null || interactions.find(interactionId).isEmpty()) {
      throw new NotFoundException("no interaction '" + interactionId + "'");
    }
    return open(request, interactionId, actor);
  }

  private Ticket open(NewThread request, String interactionId, String actor) {
    String subject = required("subject", request.subject(), 500);
    String priority = request.priority() == null ? "normal" : priority(request.priority());
    SlaPolicy policy = policy();
    String status = request.status() == null ? "new" : status(policy, request.status());
    String queue = queue(request.queue());
    String email = request.email() == null || request.email().isBlank() ? null : email(request.email());
    String phone = request.phone() == null || request.phone().isBlank() ? null : phone(request.phone());
    String id = ids.next();
    long now = clock.millis();
    repository.inTransaction(tx -> {
      String customer = customer(tx, email, phone, request.customerName(), now);
      ThreadRecord row = newRow(tx, id, subject, customer, queue, priority, status, null);
      policy.open(row, now);
      TicketRepository.insert(tx, row);
      change(tx, id, actor, "opened", null, "#" + row.getNumber(), now);
      if (request.note() != null && !request.note().isBlank()) {
        note(tx, id, text("note", request.note(), MAX_NOTE), actor, List.of(), now);
      }
      if (interactionId != null && TicketRepository.attach(tx, id, interactionId, now)) {
        card(tx, id, interactionId, actor, now);
        TicketRepository.fileHeld(tx, interactionId, id);
      }
      return null;
    });
    return thread(id);
  }

  /** A change of one or more of a thread's fields; null leaves a field as it is, "" clears the assignee or queue. */
  public record Patch(String status, String assignee, String priority, String queue, String subject) {}

  public Ticket patch(String id, Patch patch, String actor) {
    SlaPolicy policy = policy();
    String status = patch.status() == null ? null : status(policy, patch.status());
    String priority = patch.priority() == null ? null : priority(patch.priority());
    String assignee = patch.assignee() == null ? null : patch.assignee().isBlank() ? "" : user(patch.assignee());
    String queue = patch.queue() == null ? null : patch.queue().isBlank() ? "" : queue(patch.queue());
    String subject = patch.subject() == null ? null : required("subject", patch.subject(), 500);
    Ticket before = threadByKey(id);
    long now = clock.millis();
    repository.inTransaction(tx -> {
      ThreadRecord row = TicketRepository.lockedRow(tx, before.id());
      if (status != null && !status.equals(row.getStatus())) {
        change(tx, row.getId(), actor, "status", row.getStatus(), status, now);
        policy.changeStatus(row, status, now);
      }
      if (priority != null && !priority.equals(row.getPriority())) {
        change(tx, row.getId(), actor, "priority", row.getPriority(), priority, now);
        policy.changePriority(row, priority, now);
      }
      if (assignee != null && !assignee.equals(nullToEmpty(row.getAssignee()))) {
        change(tx, row.getId(), actor, "assignee", row.getAssignee(), assignee.isEmpty() ? null : assignee, now);
        row.setAssignee(assignee.isEmpty() ? null : assignee);
      }
      if (queue != null && !queue.equals(nullToEmpty(row.getQueue()))) {
        change(tx, row.getId(), actor, "queue", row.getQueue(), queue.isEmpty() ? null : queue, now);
        row.setQueue(queue.isEmpty() ? null : queue);
      }
      if (subject != null && !subject.equals(row.getSubject())) {
        change(tx, row.getId(), actor, "subject", row.getSubject(), subject, now);
        row.setSubject(subject);
      }
      row.setUpdatedAt(now);
      TicketRepository.store(tx, row);
      return null;
    });
    return thread(before.id());
  }

  /** An attachment as someone sends it: its bytes in base64. */
  public record NewAttachment(String name, String contentType, String content) {}

  public TimelineEntry addNote(String id, String text, String actor, List<NewAttachment> attachments) {
    String body = text("note", text, MAX_NOTE);
    List<Decoded> files = decode(attachments);
    Ticket thread = threadByKey(id);
    long now = clock.millis();
    String entryId = repository.inTransaction(tx -> {
      String entry = note(tx, thread.id(), body, actor, files, now);
      touch(tx, thread.id(), now);
      return entry;
    });
    return entry(entryId);
  }

  /** Attaches an interaction to a thread from the workspace or the thread screen. */
  public Ticket attachInteraction(String threadId, String interactionId, String actor) {
    Ticket thread = threadByKey(threadId);
    if (interactions.find(interactionId).isEmpty()) {
      throw new NotFoundException("no interaction '" + interactionId + "'");
    }
    long now = clock.millis();
    repository.inTransaction(tx -> {
      TicketRepository.lockedRow(tx, thread.id());
      if (TicketRepository.attach(tx, thread.id(), interactionId, now)) {
        card(tx, thread.id(), interactionId, actor, now);
        TicketRepository.fileHeld(tx, interactionId, thread.id());
      }
      touch(tx, thread.id(), now);
      return null;
    });
    return thread(thread.id());
  }

  // --- replies ---

  /**
   * A reply by e-mail. The text is {@code body} when given, else the template's; {@code ::name} in it
   * and {@code snippetIds} (appended) insert snippets; placeholders are filled in for the thread, its
   * customer and the agent. {@code to} defaults to the customer's address.
   *
   * @param status the status the thread moves to with the reply (e.g. waiting), or null to keep it
   */
  public record Reply(List<String> to, List<String> cc, String templateId, List<String> snippetIds, String subject,
      String body, List<NewAttachment> attachments, String status) {}

  /** What a reply will say, for the composer's preview. */
  public record Draft(List<String> to, List<String> cc, String subject, String body) {}

  public Draft draft(String threadId, Reply reply, String actor) {
    Ticket thread = threadByKey(threadId);
    Map<String, String> values = values(thread, actor);
    ReplyTemplate template = reply.templateId() == null || reply.templateId().isBlank() ? null
        : repository.template(reply.templateId())
            .orElseThrow(() -> new BadRequestException("no template '" + reply.templateId() + "'"));
    Map<String, Snippet> snippets = new LinkedHashMap<>();
    repository.snippets().forEach(s -> snippets.put(s.id(), s));
    StringBuilder body = new StringBuilder(reply.body() != null ? reply.body() : template == null ? "" : template.body());
    for (String snippetId : reply.snippetIds() == null ? List.<String>of() : reply.snippetIds()) {
      Snippet snippet = snippets.get(snippetId);
      if (snippet == null) {
        throw new BadRequestException("no snippet '" + snippetId + "'");
      }
      body.append(body.isEmpty() || body.toString().endsWith("\n") ? "" : "\n\n").append(snippet.body());
    }
    Matcher uses = SNIPPET_USE.matcher(body);
    StringBuilder expanded = new StringBuilder();
    while (uses.find()) {
      Snippet snippet = snippets.get(uses.group(1));
      uses.appendReplacement(expanded, Matcher.quoteReplacement(snippet == null ? uses.group() : snippet.body()));
    }
    uses.appendTail(expanded);
    String text = Placeholders.fill(expanded.toString(), values).strip();
    String subject = reply.subject() != null && !reply.subject().isBlank() ? reply.subject()
        : template != null && template.subject() != null && !template.subject().isBlank()
            ? Placeholders.fill(template.subject(), values) : ThreadNumbers.reply(thread.subject());
    List<String> to = reply.to() == null || reply.to().isEmpty()
        ? thread.customer() == null ? List.of() : thread.customer().emails().stream().limit(1).toList()
        : reply.to();
    return new Draft(to, reply.cc() == null ? List.of() : reply.cc(), ThreadNumbers.withToken(subject, thread.number()),
        text);
  }

  public TimelineEntry reply(String threadId, Reply reply, String actor) {
    Draft draft = draft(threadId, reply, actor);
    if (draft.to().isEmpty()) {
      throw new BadRequestException("the reply needs a recipient: the customer has no e-mail address, so give 'to'");
    }
    List<String> to = draft.to().stream().map(this::email).toList();
    List<String> cc = draft.cc().stream().map(this::email).toList();
    if (draft.body().isBlank()) {
      throw new BadRequestException("the reply is empty: write a body or choose a template");
    }
    if (draft.body().length() > MAX_BODY) {
      throw new BadRequestException("the reply is longer than " + MAX_BODY + " characters");
    }
    SlaPolicy policy = policy();
    String status = reply.status() == null || reply.status().isBlank() ? null : status(policy, reply.status());
    List<Decoded> files = decode(reply.attachments());
    Ticket thread = threadByKey(threadId);
    long now = clock.millis();
    String entryId = ids.next();
    String outboxId = ids.next();
    repository.inTransaction(tx -> {
      ThreadRecord row = TicketRepository.lockedRow(tx, thread.id());
      List<String> earlier = TicketRepository.messageIds(tx, thread.id());
      String inReplyTo = TicketRepository.lastInbound(tx, thread.id()).map(ThreadEntryRecord::getMessageId).orElse(null);
      ThreadEntryRecord entry = tx.newRecord(THREAD_ENTRY);
      entry.setId(entryId);
      entry.setThreadId(thread.id());
      entry.setKind("email");
      entry.setDirection("out");
      entry.setAt(now);
      entry.setByUser(actor);
      entry.setFromAddr(mailFrom);
      entry.setToAddr(String.join(", ", to));
      entry.setCcAddr(cc.isEmpty() ? null : String.join(", ", cc));
      entry.setSubject(TicketRepository.truncate(draft.subject(), 998));
      entry.setBody(draft.body());
      entry.setMessageId(entryId + "@" + messageIdDomain);
      entry.setInReplyTo(inReplyTo);
      entry.setOutboxId(outboxId);
      entry.setDetail(earlier.isEmpty() ? null : io.switchboard.flow.json.FlowJson.compact(
          Map.of("references", earlier.subList(Math.max(0, earlier.size() - 20), earlier.size()))));
      TicketRepository.insertEntry(tx, entry);
      for (Decoded file : files) {
        TicketRepository.insertAttachment(tx, ids.next(), entryId, file.name(), file.contentType(), file.bytes().length,
            file.bytes(), null);
      }
      OutboxRepository.insert(tx, outboxId, null, 0, REPLY_KIND, Map.of("threadId", thread.id(), "entryId", entryId),
          "thread-email-" + entryId, now);
      policy.responded(row, now);
      if (status != null && !status.equals(row.getStatus())) {
        TicketRepository.insertEntry(tx, changeRecord(tx, thread.id(), actor, "status", row.getStatus(), status, now));
        policy.changeStatus(row, status, now);
      } else if ("new".equals(row.getStatus()) && policy.statuses().containsKey("open")) {
        TicketRepository.insertEntry(tx, changeRecord(tx, thread.id(), actor, "status", "new", "open", now));
        policy.changeStatus(row, "open", now);
      }
      row.setUpdatedAt(now);
      TicketRepository.store(tx, row);
      return null;
    });
    outboxWritten.run();
    return entry(entryId);
  }

  private Map<String, String> values(Ticket thread, String actor) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("thread.number", "#" + thread.number());
    values.put("thread.subject", thread.subject());
    TicketStatus status = policy().statuses().get(thread.status());
    values.put("thread.status", status == null ? thread.status() : status.label());
    values.put("thread.priority", thread.priority());
    values.put("thread.queue", thread.queue());
    Customer customer = thread.customer();
    values.put("customer.name", customer == null ? "" : customer.name() == null ? "" : customer.name());
    values.put("customer.email", customer == null || customer.emails().isEmpty() ? "" : customer.emails().getFirst());
    values.put("customer.phone", customer == null || customer.phones().isEmpty() ? "" : customer.phones().getFirst());
    values.put("agent.username", actor);
    values.put("agent.name", actor == null ? "" : people.name(actor));
    return values;
  }

  // --- inbound e-mail (ThreadMail) ---

  @Override
  public Optional<ThreadRef> threadFor(List<String> referencedMessageIds, String subject) {
    DSLContext dsl = repository.dsl();
    Optional<String> byHeader = repository.threadByMessageId(dsl, referencedMessageIds);
    if (byHeader.isPresent()) {
      return byHeader.map(id -> new ThreadRef(id, thread(id).number()));
    }
    OptionalLong number = ThreadNumbers.find(subject);
    if (number.isPresent()) {
      return repository.idByNumber(dsl, number.getAsLong()).map(id -> new ThreadRef(id, number.getAsLong()));
    }
    return Optional.empty();
  }

  @Override
  public ThreadRef open(InboundEmail mail, String queue) {
    SlaPolicy policy = policy();
    String id = ids.next();
    long now = clock.millis();
    String sender = mail.from() == null ? null : emailOrNull(mail.from());
    String subject = mail.subject() == null || mail.subject().isBlank() ? "(no subject)"
        : TicketRepository.truncate(mail.subject().strip(), 500);
    long number = repository.inTransaction(tx -> {
      String customer = customer(tx, sender, null, mail.fromName(), now);
      ThreadRecord row = newRow(tx, id, subject, customer, queue, "normal", "new", "email");
      policy.open(row, now);
      TicketRepository.insert(tx, row);
      inbound(tx, id, null, mail, now);
      return row.getNumber();
    });
    return new ThreadRef(id, number);
  }

  @Override
  public void append(String threadId, InboundEmail mail) {
    SlaPolicy policy = policy();
    long now = clock.millis();
    String sender = mail.from() == null ? null : emailOrNull(mail.from());
    repository.inTransaction(tx -> {
      ThreadRecord row = TicketRepository.lockedRow(tx, threadId);
      inbound(tx, threadId, null, mail, now);
      if (sender != null && row.getCustomerId() != null) {
        TicketRepository.addContact(tx, row.getCustomerId(), "email", sender);
      }
      if ((policy.resolves(row.getStatus()) || policy.pauses(row.getStatus())) && policy.statuses().containsKey("open")) {
        TicketRepository.insertEntry(tx, changeRecord(tx, threadId, null, "status", row.getStatus(), "open", now));
        policy.changeStatus(row, "open", now);
      }
      row.setUpdatedAt(now);
      TicketRepository.store(tx, row);
      return null;
    });
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("from", mail.from());
    reply.put("subject", mail.subject());
    reply.put("body", mail.text());
    reply.put("messageId", mail.messageId());
    for (String interactionId : repository.interactions(threadId)) {
      try {
        interactions.customerReplied(interactionId, reply);
      } catch (RuntimeException e) {
        log.warn("The reply in thread {} could not be handed to interaction {}: {}", threadId, interactionId, e.getMessage());
      }
    }
  }

  @Override
  public void holdForInteraction(String interactionId, InboundEmail mail) {
    long now = clock.millis();
    repository.inTransaction(tx -> {
      if (!TicketRepository.holds(tx, interactionId, mail.messageId())) { // a poll taking over a crashed one hands it again
        inbound(tx, null, interactionId, mail, now);
      }
      // the flow's ticket step may have run already, as the flow started: then the message joins that thread now
      repository.threadsOf(interactionId).stream().findFirst()
          .ifPresent(threadId -> TicketRepository.fileHeld(tx, interactionId, threadId));
      return null;
    });
  }

  private void inbound(DSLContext tx, String threadId, String interactionId, InboundEmail mail, long now) {
    ThreadEntryRecord entry = tx.newRecord(THREAD_ENTRY);
    String entryId = ids.next();
    entry.setId(entryId);
    entry.setThreadId(threadId);
    entry.setInteractionId(interactionId);
    entry.setKind("email");
    entry.setDirection("in");
    entry.setAt(now);
    entry.setFromAddr(TicketRepository.truncate(mail.fromName() == null || mail.fromName().isBlank() ? mail.from()
        : mail.fromName() + " <" + mail.from() + ">", 320));
    entry.setToAddr(TicketRepository.truncate(String.join(", ", mail.to()), 4000));
    entry.setCcAddr(mail.cc().isEmpty() ? null : TicketRepository.truncate(String.join(", ", mail.cc()), 4000));
    entry.setSubject(TicketRepository.truncate(mail.subject(), 998));
    entry.setBody(mail.text());
    entry.setHtml(mail.html());
    entry.setMessageId(TicketRepository.truncate(mail.messageId(), 255));
    entry.setInReplyTo(TicketRepository.truncate(mail.inReplyTo(), 255));
    Map<String, Object> detail = new LinkedHashMap<>();
    if (mail.problem() != null) {
      detail.put("problem", mail.problem());
    }
    if (mail.sentAt() != null) {
      detail.put("sentAt", mail.sentAt().toEpochMilli());
    }
    entry.setDetail(detail.isEmpty() ? null : io.switchboard.flow.json.FlowJson.compact(detail));
    TicketRepository.insertEntry(tx, entry);
    for (InboundEmail.Attachment a : mail.attachments()) {
      TicketRepository.insertAttachment(tx, ids.next(), entryId, TicketRepository.truncate(a.name() == null ? "attachment" : a.name(), 255),
          TicketRepository.truncate(a.contentType() == null ? "application/octet-stream" : a.contentType(), 200),
          a.size(), a.content(), a.refused());
    }
  }

  // --- configuration ---

  public List<TicketStatus> statuses() {
    return repository.statuses();
  }

  public TicketStatus putStatus(TicketStatus status) {
    if (status.id() == null || !STATUS_ID.matcher(status.id()).matches()) {
      throw new BadRequestException("a status id is 1 to 32 lower-case letters, digits, '-' or '_' starting with a letter, not '"
          + status.id() + "'");
    }
    required("label", status.label(), 100);
    if (status.pausesClock() && status.resolves()) {
      throw new BadRequestException("a status either pauses the clock (waiting for someone) or resolves the thread, not both");
    }
    status.limitMinutes().forEach((priority, minutes) -> {
      priority(priority);
      if (minutes == null || minutes < 1 || minutes > 525_600) {
        throw new BadRequestException("the limit for " + priority + " must be between 1 and 525600 minutes, not " + minutes);
      }
    });
    repository.putStatus(status);
    return repository.statuses().stream().filter(s -> s.id().equals(status.id())).findFirst().orElseThrow();
  }

  public void deleteStatus(String id) {
    if (repository.statusInUse(id)) {
      throw new io.switchboard.runtime.service.ConflictException("threads are in status '" + id + "'; move them first");
    }
    if (!repository.deleteStatus(id)) {
      throw new NotFoundException("no status '" + id + "'");
    }
  }

  public List<SlaTarget> targets() {
    return repository.targets();
  }

  public List<SlaTarget> putTargets(List<SlaTarget> targets) {
    Set<String> seen = new java.util.HashSet<>();
    for (SlaTarget t : targets) {
      priority(t.priority());
      if (!seen.add(t.priority())) {
        throw new BadRequestException("the priority " + t.priority() + " has two targets");
      }
      for (Integer minutes : java.util.Arrays.asList(t.firstResponseMinutes(), t.resolutionMinutes())) {
        if (minutes != null && (minutes < 1 || minutes > 525_600)) {
          throw new BadRequestException("a target for " + t.priority() + " must be between 1 and 525600 minutes, not " + minutes);
        }
      }
    }
    repository.putTargets(targets);
    return repository.targets();
  }

  public BusinessHours businessHours() {
    return repository.businessHours();
  }

  public BusinessHours putBusinessHours(BusinessHours hours) {
    hours.weekly().forEach((day, times) -> {
      if (!List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun").contains(day)) {
        throw new BadRequestException("'" + day + "' is not a day; use mon, tue, wed, thu, fri, sat or sun");
      }
      if (times.size() != 2 || !times.get(0).isBefore(times.get(1))) {
        throw new BadRequestException("the hours of " + day + " need an opening time before the closing time");
      }
    });
    if (hours.enabled() && hours.weekly().isEmpty()) {
      throw new BadRequestException("business hours that are on need at least one day with hours");
    }
    repository.putBusinessHours(hours);
    return repository.businessHours();
  }

  public List<ReplyTemplate> templates() {
    return repository.templates();
  }

  public ReplyTemplate putTemplate(ReplyTemplate template, String actor) {
    if (template.id() == null || !ID.matcher(template.id()).matches()) {
      throw new BadRequestException("a template id is 1 to 64 lower-case letters, digits, '-' or '_', not '" + template.id() + "'");
    }
    required("name", template.name(), 200);
    text("body", template.body(), MAX_BODY);
    if (template.subject() != null && template.subject().length() > 500) {
      throw new BadRequestException("the subject is longer than 500 characters");
    }
    Placeholders.check("subject", template.subject());
    Placeholders.check("body", template.body());
    ReplyTemplate stored = new ReplyTemplate(template.id(), template.name().strip(),
        template.subject() == null || template.subject().isBlank() ? null : template.subject().strip(), template.body(),
        clock.millis(), actor);
    repository.putTemplate(stored);
    return stored;
  }

  public void deleteTemplate(String id) {
    if (!repository.deleteTemplate(id)) {
      throw new NotFoundException("no template '" + id + "'");
    }
  }

  public List<Snippet> snippets() {
    return repository.snippets();
  }

  public Snippet putSnippet(Snippet snippet, String actor) {
    if (snippet.id() == null || !ID.matcher(snippet.id()).matches()) {
      throw new BadRequestException("a snippet id (what agents type after '::') is 1 to 64 lower-case letters, digits, '-' or '_', not '"
          + snippet.id() + "'");
    }
    required("name", snippet.name(), 200);
    text("body", snippet.body(), MAX_BODY);
    Placeholders.check("body", snippet.body());
    Snippet stored = new Snippet(snippet.id(), snippet.name().strip(), snippet.body(), clock.millis(), actor);
    repository.putSnippet(stored);
    return stored;
  }

  public void deleteSnippet(String id) {
    if (!repository.deleteSnippet(id)) {
      throw new NotFoundException("no snippet '" + id + "'");
    }
  }

  // --- helpers ---

  private TimelineEntry entry(String entryId) {
    return new Timeline(repository, interactions, people).entry(entryId).orElseThrow();
  }

  private ThreadRecord newRow(DSLContext tx, String id, String subject, String customer, String queue, String priority,
      String status, String channel) {
    return newRow(tx, id, subject, customer, queue, priority, status, channel, clock.millis());
  }

  static ThreadRecord newRow(DSLContext tx, String id, String subject, String customer, String queue,
      String priority, String status, String channel, long now) {
    ThreadRecord row = tx.newRecord(io.switchboard.runtime.store.jooq.Tables.THREAD);
    row.setId(id);
    row.setNumber(TicketRepository.nextNumber(tx));
    row.setSubject(subject);
    row.setCustomerId(customer);
    row.setQueue(queue);
    row.setPriority(priority);
    row.setStatus(status);
    row.setChannel(channel);
    row.setUpdatedAt(now);
    return row;
  }

  private String customer(DSLContext tx, String email, String phone, String name, long now) {
    String id = null;
    if (email != null) {
      id = TicketRepository.customerFor(tx, "email", email, name, ids.next(), now);
    }
    if (phone != null) {
      if (id == null) {
        id = TicketRepository.customerFor(tx, "phone", phone, name, ids.next(), now);
      } else {
        TicketRepository.addContact(tx, id, "phone", phone);
      }
    }
    return id;
  }

  /** Finds or makes the customer of an interaction's caller (an e-mail address or a phone number). */
  static String customerOf(DSLContext tx, String from, Ids ids, long now) {
    if (from == null || from.isBlank()) {
      return null;
    }
    String email = emailOrNull(from);
    if (email != null) {
      return TicketRepository.customerFor(tx, "email", email, null, ids.next(), now);
    }
    String phone = phoneOrNull(from);
    return phone == null ? null : TicketRepository.customerFor(tx, "phone", phone, null, ids.next(), now);
  }

  private String note(DSLContext tx, String threadId, String body, String actor, List<Decoded> files, long now) {
    ThreadEntryRecord entry = tx.newRecord(THREAD_ENTRY);
    String entryId = ids.next();
    entry.setId(entryId);
    entry.setThreadId(threadId);
    entry.setKind(files.isEmpty() || !body.isBlank() ? "note" : "document");
    entry.setDirection("internal");
    entry.setAt(now);
    entry.setByUser(actor);
    entry.setBody(body);
    TicketRepository.insertEntry(tx, entry);
    for (Decoded file : files) {
      TicketRepository.insertAttachment(tx, ids.next(), entryId, file.name(), file.contentType(), file.bytes().length,
          file.bytes(), null);
    }
    return entryId;
  }

  private void change(DSLContext tx, String threadId, String actor, String field, String from, String to, long now) {
    TicketRepository.insertEntry(tx, changeRecord(tx, threadId, actor, field, from, to, now));
  }

  private ThreadEntryRecord changeRecord(DSLContext tx, String threadId, String actor, String field, String from,
      String to, long now) {
    return changeEntry(tx, ids.next(), threadId, actor, field, from, to, now);
  }

  static ThreadEntryRecord changeEntry(DSLContext tx, String entryId, String threadId, String actor, String field,
      String from, String to, long now) {
    ThreadEntryRecord entry = tx.newRecord(THREAD_ENTRY);
    entry.setId(entryId);
    entry.setThreadId(threadId);
    entry.setKind("change");
    entry.setDirection("internal");
    entry.setAt(now);
    entry.setByUser(actor);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("field", field);
    detail.put("from", from);
    detail.put("to", to);
    entry.setDetail(io.switchboard.flow.json.FlowJson.compact(detail));
    return entry;
  }

  private void card(DSLContext tx, String threadId, String interactionId, String actor, long now) {
    TicketRepository.insertEntry(tx, cardEntry(tx, ids.next(), threadId, interactionId, actor, "in", now));
  }

  static ThreadEntryRecord cardEntry(DSLContext tx, String entryId, String threadId, String interactionId, String actor,
      String direction, long now) {
    ThreadEntryRecord entry = tx.newRecord(THREAD_ENTRY);
    entry.setId(entryId);
    entry.setThreadId(threadId);
    entry.setInteractionId(interactionId);
    entry.setKind("interaction");
    entry.setDirection(direction);
    entry.setAt(now);
    entry.setByUser(actor);
    return entry;
  }

  private static void touch(DSLContext tx, String threadId, long now) {
    tx.update(io.switchboard.runtime.store.jooq.Tables.THREAD).set(io.switchboard.runtime.store.jooq.Tables.THREAD.UPDATED_AT, now)
        .where(io.switchboard.runtime.store.jooq.Tables.THREAD.ID.eq(threadId)).execute();
  }

  private record Decoded(String name, String contentType, byte[] bytes) {}

  private static List<Decoded> decode(List<NewAttachment> attachments) {
    List<Decoded> files = new ArrayList<>();
    for (NewAttachment a : attachments == null ? List.<NewAttachment>of() : attachments) {
      String name = required("attachment name", a.name(), 255);
      byte[] bytes;
      try {
        bytes = Base64.getMimeDecoder().decode(a.content() == null ? "" : a.content());
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("the attachment '" + name + "' is not base64: " + e.getMessage());
      }
      if (bytes.length == 0) {
        throw new BadRequestException("the attachment '" + name + "' is empty");
      }
      if (bytes.length > MAX_ATTACHMENT) {
        throw new BadRequestException("the attachment '" + name + "' is larger than 10 MB");
      }
      files.add(new Decoded(name, a.contentType() == null || a.contentType().isBlank() ? "application/octet-stream"
          : a.contentType(), bytes));
    }
    return files;
  }

  private String status(SlaPolicy policy, String status) {
    if (!policy.statuses().containsKey(status)) {
      throw new BadRequestException("no status '" + status + "'; the statuses are " + String.join(", ",
          policy.statuses().values().stream().sorted(java.util.Comparator.comparingInt(TicketStatus::position))
              .map(TicketStatus::id).toList()));
    }
    return status;
  }

  private static String priority(String priority) {
    if (!PRIORITIES.contains(priority)) {
      throw new BadRequestException("the priority is low, normal, high or urgent, not '" + priority + "'");
    }
    return priority;
  }

  private String user(String username) {
    if (!people.exists(username)) {
      throw new BadRequestException("no user '" + username + "' to assign the thread to");
    }
    return username;
  }

  private String queue(String queue) {
    if (queue == null || queue.isBlank()) {
      return null;
    }
    if (!presence.queueExists(queue)) {
      throw new BadRequestException("no queue '" + queue + "'");
    }
    return queue;
  }

  private String email(String address) {
    try {
      InternetAddress parsed = new InternetAddress(address.strip(), true);
      return parsed.getAddress().toLowerCase(Locale.ROOT);
    } catch (AddressException e) {
      throw new BadRequestException("'" + address + "' is not an e-mail address: " + e.getMessage());
    }
  }

  static String emailOrNull(String address) {
    try {
      InternetAddress parsed = new InternetAddress(address.strip(), true);
      return parsed.getAddress().contains("@") ? parsed.getAddress().toLowerCase(Locale.ROOT) : null;
    } catch (AddressException e) {
      return null;
    }
  }

  private static String phone(String number) {
    String phone = phoneOrNull(number);
    if (phone == null) {
      throw new BadRequestException("'" + number + "' is not a phone number");
    }
    return phone;
  }

  /** A phone number as digits with its leading '+', or null when it is not one. */
  static String phoneOrNull(String number) {
    String digits = number.replaceAll("[\\s().-]", "");
    return digits.matches("\\+?\\d{3,20}") ? digits : null;
  }

  private static String required(String field, String text, int max) {
    if (text == null || text.isBlank()) {
      throw new BadRequestException("the " + field + " is empty");
    }
    if (text.strip().length() > max) {
      throw new BadRequestException("the " + field + " is longer than " + max + " characters");
    }
    return text.strip();
  }

  private static String text(String field, String text, int max) {
    if (text == null || text.isBlank()) {
      throw new BadRequestException("the " + field + " is empty");
    }
    if (text.length() > max) {
      throw new BadRequestException("the " + field + " is longer than " + max + " characters");
    }
    return text;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
