package io.switchboard.designer.tickets;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.switchboard.designer.ui.Texts;
import io.switchboard.runtime.tickets.TicketRepository;
import io.switchboard.runtime.tickets.TicketService;
import io.switchboard.runtime.tickets.TicketStatus;
import io.switchboard.runtime.tickets.TimelineEntry;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A thread's timeline entries as cards: interactions, e-mails in and out, notes, documents and changes. */
final class TimelineCards {
  private final TicketService tickets;
  private final String threadId;
  private final Map<String, TicketStatus> statuses;
  private final Map<String, String> queues;
  private final long now;

  TimelineCards(TicketService tickets, String threadId, Map<String, TicketStatus> statuses, Map<String, String> queues,
      long now) {
    this.tickets = tickets;
    this.threadId = threadId;
    this.statuses = statuses;
    this.queues = queues;
    this.now = now;
  }

  Component card(TimelineEntry entry) {
    return switch (entry.kind()) {
      case "interaction" -> interaction(entry);
      case "email", "message" -> email(entry);
      case "change" -> change(entry);
      default -> note(entry);
    };
  }

  private Div frame(TimelineEntry entry, VaadinIcon icon, String title, String kindClass) {
    Div card = new Div();
    card.addClassNames("sb-card", kindClass);
    card.getElement().setAttribute("data-kind", entry.kind());
    Icon symbol = icon.create();
    symbol.addClassName("sb-card-icon");
    Span heading = new Span(title);
    heading.addClassName("sb-card-title");
    Div head = new Div(symbol, heading, TicketTexts.when(entry.at(), now));
    head.addClassName("sb-card-head");
    card.add(head);
    return card;
  }

  private Component email(TimelineEntry entry) {
    boolean out = "out".equals(entry.direction());
    String who = out ? actor(entry.by()) + " replied" : (entry.from() == null ? "The customer" : entry.from()) + " wrote";
    Div card = frame(entry, out ? VaadinIcon.REPLY : VaadinIcon.ENVELOPE_O, who, out ? "sb-card-out" : "sb-card-in");
    Div meta = new Div();
    meta.addClassName("sb-card-meta");
    if (entry.from() != null) {
      meta.add(line("From", entry.from()));
    }
    if (!entry.to().isEmpty()) {
      meta.add(line("To", String.join(", ", entry.to())));
    }
    if (!entry.cc().isEmpty()) {
      meta.add(line("Cc", String.join(", ", entry.cc())));
    }
    if (entry.subject() != null) {
      meta.add(line("Subject", entry.subject()));
    }
    card.add(meta);
    if (entry.body() != null && !entry.body().isBlank()) {
      Div body = new Div(entry.body());
      body.addClassName("sb-card-body");
      card.add(body);
    }
    card.add(attachments(entry.attachments()));
    if (out && entry.delivery() != null) {
      card.add(delivery(entry.delivery()));
    }
    Object problem = entry.detail().get("problem");
    if (problem != null) {
      Div warning = new Div("This message could not be read completely: " + problem);
      warning.addClassName("sb-error");
      card.add(warning);
    }
    return card;
  }

  private Component delivery(TimelineEntry.Delivery delivery) {
    Span state = new Span();
    state.addClassName("sb-badge");
    state.addClassName("sb-delivery");
    switch (delivery.status()) {
      case "sent" -> {
        state.setText("Sent" + (delivery.sentAt() == null ? "" : " " + TicketTexts.relative(delivery.sentAt(), now)));
        state.addClassName("sb-badge-success");
        if (delivery.sentAt() != null) {
          state.setTitle(TicketTexts.absolute(delivery.sentAt()));
        }
      }
      case "failed", "dead" -> {
        state.setText("Not delivered" + (delivery.lastError() == null ? "" : ": " + delivery.lastError()));
        state.addClassName("sb-badge-error");
      }
      default -> {
        state.setText(delivery.attempts() > 0 && delivery.lastError() != null
            ? "Queued · retrying after: " + delivery.lastError() : "Queued");
        state.addClassName("sb-badge-contrast");
      }
    }
    return state;
  }

  private Component attachments(List<TimelineEntry.AttachmentInfo> files) {
    Div list = new Div();
    list.addClassName("sb-card-files");
    for (TimelineEntry.AttachmentInfo file : files) {
      if (file.refused() != null) {
        Span refused = new Span(file.name() + " (not kept: " + file.refused() + ")");
        refused.addClassName("sb-muted");
        list.add(refused);
        continue;
      }
      String attachmentId = file.id();
      Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
        TicketRepository.StoredAttachment stored = tickets.attachment(threadId, attachmentId);
        return new DownloadResponse(new ByteArrayInputStream(stored.content()), stored.name(), stored.contentType(),
            stored.content().length);
      }), file.name() + " · " + size(file.size()));
      link.addClassName("sb-file");
      link.getElement().setAttribute("download", file.name());
      list.add(link);
    }
    return list;
  }

  private Component note(TimelineEntry entry) {
    boolean document = "document".equals(entry.kind());
    Div card = frame(entry, document ? VaadinIcon.PAPERCLIP : VaadinIcon.NOTEBOOK,
        actor(entry.by()) + (document ? " added a document" : " wrote a note"), "sb-card-note");
    if (entry.body() != null && !entry.body().isBlank()) {
      Div body = new Div(entry.body());
      body.addClassName("sb-card-body");
      card.add(body);
    }
    card.add(attachments(entry.attachments()));
    return card;
  }

  private Component change(TimelineEntry entry) {
    String field = Objects.toString(entry.detail().get("field"), "");
    String from = value(field, entry.detail().get("from"));
    String to = value(field, entry.detail().get("to"));
    String text = switch (field) {
      case "opened" -> actor(entry.by()) + " opened the thread";
      case "sla" -> "SLA breached · " + to.replaceFirst("^breached: ", "");
      case "assignee" -> entry.detail().get("to") == null ? actor(entry.by()) + " unassigned " + from
          : actor(entry.by()) + " assigned it to " + to;
      default -> actor(entry.by()) + " set " + field + " " + from + " → " + to;
    };
    Div card = new Div();
    card.addClassNames("sb-change", "sla".equals(field) ? "sb-change-breach" : "sb-change-plain");
    card.getElement().setAttribute("data-kind", "change");
    Icon icon = ("sla".equals(field) ? VaadinIcon.EXCLAMATION_CIRCLE : VaadinIcon.PENCIL).create();
    icon.addClassName("sb-card-icon");
    card.add(icon, new Span(text + " · "), TicketTexts.when(entry.at(), now));
    return card;
  }

  private String value(String field, Object value) {
    if (value == null) {
      return "none";
    }
    String text = value.toString();
    return switch (field) {
      case "status" -> TicketTexts.status(statuses, text);
      case "queue" -> queues.getOrDefault(text, text);
      case "priority" -> TicketTexts.priority(text);
      default -> text;
    };
  }

  private Component interaction(TimelineEntry entry) {
    TimelineEntry.Card info = entry.card();
    if (info == null) {
      return frame(entry, VaadinIcon.CONNECT, "An interaction (no longer stored)", "sb-card-interaction");
    }
    String title = Texts.channel(info.channel()) + (info.caller() == null ? "" : " from " + info.caller())
        + " · " + duration(info.durationMillis()) + (info.agent() == null ? "" : " · " + info.agent());
    Div card = frame(entry, icon(info.channel()), title, "sb-card-interaction");
    Div meta = new Div();
    meta.addClassName("sb-card-meta");
    if (info.outcome() != null) {
      meta.add(line("Outcome", info.outcome()));
    }
    info.variables().forEach((label, value) -> meta.add(line(label, value == null ? "—" : value.toString())));
    card.add(meta);
    if (!info.path().isEmpty()) {
      Div path = new Div();
      path.addClassName("sb-path");
      path.add(new Span("Path: "));
      for (int i = 0; i < info.path().size(); i++) {
        TimelineEntry.Card.Step step = info.path().get(i);
        String label = step.label() == null || step.label().isBlank() ? step.type() : step.label();
        Component item = info.flowId() == null ? new Span(label)
            : new Anchor("flows/" + info.flowId() + "?version=" + info.flowVersion(), label);
        path.add(item);
        if (i < info.path().size() - 1) {
          path.add(new Span(" › "));
        }
      }
      card.add(path);
    }
    for (String note : info.notes()) {
      Div body = new Div(note);
      body.addClassName("sb-card-body");
      card.add(body);
    }
    return card;
  }

  private static Div line(String label, String value) {
    Span name = new Span(label);
    name.addClassName("sb-meta-label");
    Div line = new Div(name, new Span(value));
    line.addClassName("sb-meta-line");
    return line;
  }

  static String actor(String by) {
    if (by == null) {
      return "The customer";
    }
    return switch (by) {
      case "flow" -> "A flow";
      case "sla" -> "The SLA clock";
      case "assignment" -> "Assignment";
      default -> by;
    };
  }

  private static VaadinIcon icon(String channel) {
    return channel == null ? VaadinIcon.CONNECT : switch (channel) {
      case "voice" -> VaadinIcon.PHONE;
      case "email" -> VaadinIcon.ENVELOPE;
      case "chat", "message", "sms" -> VaadinIcon.CHAT;
      default -> VaadinIcon.CONNECT;
    };
  }

  private static String duration(long millis) {
    long s = millis / 1000;
    return s < 60 ? s + " s" : s < 3600 ? s / 60 + " min " + s % 60 + " s" : s / 3600 + " h " + (s % 3600) / 60 + " min";
  }

  private static String size(long bytes) {
    return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? bytes / 1024 + " KB"
        : String.format("%.1f MB", bytes / (1024.0 * 1024));
  }
}
