package io.switchboard.runtime.routing;

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
 * When a region is served: opening hours per weekday in the region's time zone, and holidays. A
 * day without hours is closed.
 *
 * @param weekly {@code mon → [08:00, 17:00]}, keys {@code mon … sun}
 */
public record WorkingHours(String regionId, ZoneId zone, Map<String, List<LocalTime>> weekly, Set<LocalDate> holidays) {

  public boolean open(long epochMillis) {
    ZonedDateTime at = Instant.ofEpochMilli(epochMillis).atZone(zone);
    if (holidays.contains(at.toLocalDate())) {
      return false;
    }
    List<LocalTime> hours = weekly.get(key(at.getDayOfWeek()));
    if (hours == null || hours.size() != 2) {
      return false;
    }
    LocalTime time = at.toLocalTime();
    return !time.isBefore(hours.get(0)) && time.isBefore(hours.get(1));
  }

  public static String key(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
  }
}
