package io.switchboard.runtime.tickets;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hours in which the SLA clocks run. Disabled, every minute counts; enabled, only the minutes
 * inside the weekly hours (in the time zone) outside holidays.
 *
 * @param weekly per day ("mon" … "sun") its opening and closing time; a day without an entry is closed
 */
public record BusinessHours(boolean enabled, ZoneId zone, Map<String, List<LocalTime>> weekly, Set<LocalDate> holidays) {
  private static final int MAX_DAYS = 3660;

  public BusinessHours {
    weekly = weekly == null ? Map.of() : Map.copyOf(weekly);
    holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
  }

  public static final BusinessHours ALWAYS = new BusinessHours(false, ZoneId.of("UTC"), Map.of(), Set.of());

  public static String key(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
  }

  /** The instant {@code minutes} of business time after {@code start}. */
  public long plus(long start, long minutes) {
    return plusMillis(start, minutes * 60_000L);
  }

  /** The instant {@code millis} of business time after {@code start}. */
  public long plusMillis(long start, long millis) {
    long remaining = millis;
    if (!enabled) {
      return start + remaining;
    }
    ZonedDateTime cursor = Instant.ofEpochMilli(start).atZone(zone);
    for (int day = 0; day < MAX_DAYS; day++) {
      LocalDate date = cursor.toLocalDate();
      long[] open = openOn(date);
      if (open != null) {
        long from = Math.max(cursor.toInstant().toEpochMilli(), open[0]);
        if (from < open[1]) {
          long available = open[1] - from;
          if (remaining <= available) {
            return from + remaining;
          }
          remaining -= available;
        }
      }
      cursor = date.plusDays(1).atStartOfDay(zone);
    }
    throw new IllegalStateException("the business hours leave no time to count in ten years");
  }

  /** The business time between two instants, in milliseconds (0 when {@code to} is not after {@code from}). */
  public long between(long from, long to) {
    if (to <= from) {
      return 0;
    }
    if (!enabled) {
      return to - from;
    }
    long total = 0;
    ZonedDateTime cursor = Instant.ofEpochMilli(from).atZone(zone);
    for (int day = 0; day < MAX_DAYS && cursor.toInstant().toEpochMilli() < to; day++) {
      LocalDate date = cursor.toLocalDate();
      long[] open = openOn(date);
      if (open != null) {
        long start = Math.max(cursor.toInstant().toEpochMilli(), open[0]);
        long end = Math.min(to, open[1]);
        total += Math.max(0, end - start);
      }
      cursor = date.plusDays(1).atStartOfDay(zone);
    }
    return total;
  }

  private long[] openOn(LocalDate date) {
    if (holidays.contains(date)) {
      return null;
    }
    List<LocalTime> hours = weekly.get(key(date.getDayOfWeek()));
    if (hours == null || hours.size() != 2 || !hours.get(0).isBefore(hours.get(1))) {
      return null;
    }
    return new long[] {date.atTime(hours.get(0)).atZone(zone).toInstant().toEpochMilli(),
        date.atTime(hours.get(1)).atZone(zone).toInstant().toEpochMilli()};
  }
}
