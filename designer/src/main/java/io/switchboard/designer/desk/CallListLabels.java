package io.switchboard.designer.desk;

import io.switchboard.runtime.desk.CallListEntry;
import io.switchboard.runtime.desk.CallOutcome;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Call-list states and outcomes in words, the same on the agent's workspace and the supervisor's screen. */
final class CallListLabels {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneId.systemDefault());

  private CallListLabels() {}

  static String outcome(CallOutcome outcome) {
    return switch (outcome) {
      case reached -> "Reached";
      case no_answer -> "No answer";
      case busy -> "Busy";
      case wrong_number -> "Wrong number";
      case call_back -> "Call back";
      case done -> "Done";
    };
  }

  /** A stored outcome: one of {@link CallOutcome}, or the desk's own note ("no outcome recorded", "could not start: …"). */
  static String outcome(String stored) {
    if (stored == null) {
      return "—";
    }
    try {
      return outcome(CallOutcome.valueOf(stored));
    } catch (IllegalArgumentException deskNote) {
      return stored;
    }
  }

  /** The outcome as recorded on the entry, with the time of a call back. */
  static String recorded(CallListEntry entry) {
    String text = outcome(entry.lastOutcome());
    return "call_back".equals(entry.lastOutcome()) ? text + " at " + when(entry.nextAttemptAt()) : text;
  }

  static String status(String status) {
    return switch (status) {
      case "active" -> "Active";
      case "paused" -> "Paused";
      case "pending" -> "Pending";
      case "dialling" -> "Dialling";
      case "done" -> "Done";
      case "failed" -> "Failed";
      default -> status;
    };
  }

  static String when(long epochMillis) {
    return WHEN.format(Instant.ofEpochMilli(epochMillis));
  }
}
