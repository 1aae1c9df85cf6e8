package io.switchboard.designer.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Sentences the screens share: counts with their noun in the right number, and times relative to now. */
public final class Texts {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
      .withZone(ZoneId.systemDefault());

  private Texts() {
  }

  /** "1 operation", "3 operations", "no operations" — the plural given when it is not just an added s. */
  public static String count(long n, String one, String many) {
    return n == 0 ? "no " + many : n + " " + (n == 1 ? one : many);
  }

  /** {@link #count(long, String, String)} for nouns whose plural adds an s. */
  public static String count(long n, String one) {
    return count(n, one, one + "s");
  }

  /** A channel as people say it: "Call", "E-mail", "Message", "Chat", "Call list", "Webhook"; "Interaction" for none. */
  public static String channel(String channel) {
    return channel == null || channel.isBlank() ? "Interaction" : switch (channel) {
      case "voice" -> "Call";
      case "email" -> "E-mail";
      case "chat" -> "Chat";
      case "message", "sms" -> "Message";
      case "call-list" -> "Call list";
      case "webhook" -> "Webhook";
      default -> channel.substring(0, 1).toUpperCase(Locale.ROOT) + channel.substring(1);
    };
  }

  /** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date. */
  public static String ago(Instant then, Instant now) {
    Duration since = Duration.between(then, now);
    if (since.toSeconds() < 60) {
      return "just now";
    }
    if (since.toMinutes() < 60) {
      return since.toMinutes() + " min ago";
    }
    if (since.toHours() < 24) {
      return since.toHours() + " h ago";
    }
    long days = since.toDays();
    if (days == 1) {
      return "yesterday";
    }
    return days < 7 ? days + " days ago" : "on " + DAY.format(then);
  }

  /** "a", "a and b", "a, b and c": items as a sentence lists them. */
  public static String list(java.util.List<String> items) {
    if (items.size() < 2) {
      return items.isEmpty() ? "" : items.getFirst();
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
  }
}
