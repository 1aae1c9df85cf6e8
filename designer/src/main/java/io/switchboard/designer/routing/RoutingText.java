package io.switchboard.designer.routing;

import io.switchboard.runtime.routing.Absence;
import io.switchboard.runtime.routing.Region;
import io.switchboard.runtime.routing.WorkingHours;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How routing facts read on the screens: skills, regions by name, hours and absences in words. */
final class RoutingText {
  static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

  private RoutingText() {}

  /** {@code product:router 4, language:pl 5}, highest level first. */
  static String skills(Map<String, Integer> skills) {
    return skills.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  /** Region names for ids; an id no longer in the tree shows as itself. */
  static String regions(List<String> ids, List<Region> tree) {
    return ids.stream().map(id -> tree.stream().filter(r -> r.id().equals(id)).map(Region::name).findFirst().orElse(id))
        .collect(Collectors.joining(", "));
  }

  /** {@code voice 1 · chat 3 · email 5}: the channels the screen edits. */
  static String capacity(Map<String, Integer> capacity) {
    List<String> parts = new ArrayList<>();
    for (String channel : List.of("voice", "message", "email")) {
      if (capacity.containsKey(channel)) {
        parts.add(("message".equals(channel) ? "chat" : channel) + " " + capacity.get(channel));
      }
    }
    return String.join(" · ", parts);
  }

  static String absence(Absence absence, ZoneId zone) {
    return absence.reason() + ", " + WHEN.format(Instant.ofEpochMilli(absence.from()).atZone(zone)) + " – "
        + WHEN.format(Instant.ofEpochMilli(absence.to()).atZone(zone));
  }

  /** {@code Absent (sick) until 2 Dec 13:00}. */
  static String absentUntil(Absence absence, ZoneId zone) {
    return "Absent (" + absence.reason() + ") until " + WHEN.format(Instant.ofEpochMilli(absence.to()).atZone(zone));
  }

  /** {@code Mon–Fri 08:00–17:00, Sat 09:00–13:00 (Europe/Warsaw), 2 holidays}; days with equal hours are grouped. */
  static String hours(WorkingHours hours) {
    if (hours == null) {
      return "always (no hours set)";
    }
    List<String> groups = new ArrayList<>();
    int start = 0;
    while (start < DAYS.size()) {
      List<LocalTime> times = hours.weekly().get(DAYS.get(start));
      int end = start;
      while (end + 1 < DAYS.size() && java.util.Objects.equals(hours.weekly().get(DAYS.get(end + 1)), times)) {
        end++;
      }
      if (times != null) {
        groups.add(day(start) + (end > start ? "–" + day(end) : "") + " " + times.get(0) + "–" + times.get(1));
      }
      start = end + 1;
    }
    String weekly = groups.isEmpty() ? "closed every day" : String.join(", ", groups);
    int holidays = hours.holidays().size();
    return weekly + " (" + hours.zone().getId() + ")" + (holidays == 0 ? "" : ", " + holidays
        + (holidays == 1 ? " holiday" : " holidays"));
  }

  static String day(int index) {
    String key = DAYS.get(index);
    return Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }

  /** A comma-separated field's values, trimmed, empty ones dropped. */
  static List<String> list(String text) {
    return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
