package io.switchboard.designer.tickets;

import com.vaadin.flow.component.html.Span;
import io.switchboard.runtime.tickets.Ticket;
import io.switchboard.runtime.tickets.TicketStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How the ticket screens word times, limits, priorities and SLA states. */
final class TicketTexts {
  private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH)
      .withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
      .withZone(ZoneId.systemDefault());

  private TicketTexts() {}

  /** "5 min ago", "in 2 h", "just now". */
  static String relative(long at, long now) {
    long delta = at - now;
    String span = span(Math.abs(delta));
    if (span == null) {
      return "just now";
    }
    return delta < 0 ? span + " ago" : "in " + span;
  }

  /** A span of time in short words ("35 min", "2 h", "3 d"), or null under a minute. */
  private static String span(long millis) {
    long minutes = millis / 60_000;
    if (minutes < 1) {
      return null;
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 48 * 60) {
      long h = minutes / 60;
      long m = minutes % 60;
      return m == 0 || h >= 10 ? h + " h" : h + " h " + m + " min";
    }
    return minutes / (24 * 60) + " d";
  }

  static String absolute(long at) {
    return ABSOLUTE.format(Instant.ofEpochMilli(at));
  }

  /** A relative time with its absolute time as the tooltip. */
  static Span when(long at, long now) {
    Span when = new Span(relative(at, now));
    when.setTitle(absolute(at));
    when.addClassName("sb-when");
    return when;
  }

  /** A limit in minutes as people read it: "45 min", "4 h", "1 h 30 min", "2 d". */
  static String minutes(Integer minutes) {
    if (minutes == null) {
      return "—";
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes % (24 * 60) == 0) {
      return minutes / (24 * 60) + " d";
    }
    return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
  }

  static String number(long number) {
    return "#" + number;
  }

  static String priority(String priority) {
    return priority == null ? "" : priority.substring(0, 1).toUpperCase(Locale.ROOT) + priority.substring(1);
  }

  static String status(Map<String, TicketStatus> statuses, String id) {
    TicketStatus status = statuses.get(id);
    return status == null ? id : status.label();
  }

  /** The SLA state at a glance: breached (with what was due), paused, met, or due in so long. */
  static Span slaBadge(Ticket thread, boolean resolved, long now) {
    Ticket.Sla sla = thread.sla();
    Span badge = new Span();
    badge.addClassName("sb-badge");
    badge.addClassName("sb-sla");
    if (sla == null) {
      badge.setText("No target");
      badge.addClassName("sb-badge-contrast");
      return badge;
    }
    if (sla.breached()) {
      badge.setText("Breached" + (sla.breach() == null ? "" : " · " + sla.breach()));
      badge.addClassName("sb-badge-error");
      if (sla.breachedAt() != null) {
        badge.setTitle("Breached " + relative(sla.breachedAt(), now) + " (" + absolute(sla.breachedAt()) + ")");
      }
      return badge;
    }
    if (resolved) {
      badge.setText("Met");
      badge.addClassName("sb-badge-success");
      return badge;
    }
    if (sla.pausedAt() != null) {
      badge.setText("Paused");
      badge.setTitle("Waiting since " + absolute(sla.pausedAt()) + "; the clock stands still");
      badge.addClassName("sb-badge-contrast");
      return badge;
    }
    Long due = next(sla);
    if (due == null) {
      badge.setText("Met");
      badge.addClassName("sb-badge-success");
      return badge;
    }
    badge.setText(due <= now ? "Due now" : "Due " + relative(due, now));
    badge.setTitle("Due " + absolute(due));
    badge.addClassName("nearing".equals(sla.state()) ? "sb-badge-warning" : "sb-badge-plain");
    return badge;
  }

  /** The nearest deadline still open: the first response while none was given, then the status and the resolution. */
  static Long next(Ticket.Sla sla) {
    Long due = null;
    if (sla.firstResponseAt() == null) {
      due = min(due, sla.firstResponseDue());
    }
    if (sla.resolvedAt() == null) {
      due = min(due, sla.resolutionDue());
    }
    return min(due, sla.statusDue());
  }

  private static Long min(Long a, Long b) {
    return a == null ? b : b == null ? a : Math.min(a, b);
  }

  static String clock(long at) {
    return CLOCK.format(Instant.ofEpochMilli(at));
  }

  /** Whether a caller looks like a phone number (digits with an optional '+'), as the service accepts them. */
  static boolean looksLikePhone(String caller) {
    return caller.replaceAll("[\\s().-]", "").matches("\\+?\\d{3,20}");
  }
}
