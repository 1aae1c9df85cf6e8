package io.switchboard.runtime.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business time: only the weekly hours in the time zone count, never holidays; off, every minute counts. */
class BusinessHoursTest {
  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  private static final List<LocalTime> NINE_TO_FIVE = List.of(LocalTime.of(9, 0), LocalTime.of(17, 0));
  private static final BusinessHours OFFICE = new BusinessHours(true, WARSAW, Map.of("mon", NINE_TO_FIVE, "tue", NINE_TO_FIVE,
      "wed", NINE_TO_FIVE, "thu", NINE_TO_FIVE, "fri", NINE_TO_FIVE), Set.of(LocalDate.of(2026, 12, 24)));

  private static long at(String local) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), WARSAW).toInstant().toEpochMilli();
  }

  @Test
  void fourHoursFromFridayAfternoonEndMondayMorning() {
    assertThat(OFFICE.plus(at("2026-12-04T15:00"), 240)).isEqualTo(at("2026-12-07T11:00"));
  }

  @Test
  void timeOutsideTheHoursStartsCountingAtOpening() {
    assertThat(OFFICE.plus(at("2026-12-07T06:30"), 30)).isEqualTo(at("2026-12-07T09:30"));
    assertThat(OFFICE.plus(at("2026-12-05T12:00"), 60)).isEqualTo(at("2026-12-07T10:00"));
  }

  @Test
  void aHolidayDoesNotCount() {
    assertThat(OFFICE.plus(at("2026-12-23T16:00"), 120)).isEqualTo(at("2026-12-25T10:00"));
  }

  @Test
  void betweenCountsOnlyTheOpenHours() {
    assertThat(OFFICE.between(at("2026-12-04T15:00"), at("2026-12-07T11:00"))).isEqualTo(240 * 60_000L);
    assertThat(OFFICE.between(at("2026-12-07T11:00"), at("2026-12-04T15:00"))).isZero();
  }

  @Test
  void offEveryMinuteCounts() {
    assertThat(BusinessHours.ALWAYS.plus(at("2026-12-05T12:00"), 60)).isEqualTo(at("2026-12-05T13:00"));
    assertThat(BusinessHours.ALWAYS.between(at("2026-12-05T12:00"), at("2026-12-05T13:00"))).isEqualTo(3_600_000L);
  }

  @Test
  void aDaylightSavingChangeKeepsTheLocalHours() {
    // 29 March 2026: Warsaw moves from UTC+1 to UTC+2 overnight (a Sunday); Friday 16:00 plus 2 h ends Monday 10:00 local
    assertThat(OFFICE.plus(at("2026-03-27T16:00"), 120)).isEqualTo(at("2026-03-30T10:00"));
  }
}
