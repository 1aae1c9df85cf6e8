package io.switchboard.designer.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketTextsTest {
  private static final long NOW = 1_800_000_000_000L;

  @Test
  void timesReadAsPeopleSayThem() {
    assertThat(TicketTexts.relative(NOW - 20_000, NOW)).isEqualTo("just now");
    assertThat(TicketTexts.relative(NOW - 5 * 60_000, NOW)).isEqualTo("5 min ago");
    assertThat(TicketTexts.relative(NOW + 2 * 3_600_000, NOW)).isEqualTo("in 2 h");
    assertThat(TicketTexts.relative(NOW + 95 * 60_000, NOW)).isEqualTo("in 1 h 35 min");
    assertThat(TicketTexts.relative(NOW - 3 * 86_400_000L, NOW)).isEqualTo("3 d ago");
  }

  @Test
  void limitsInMinutesReadInTheLargestWholeUnit() {
    assertThat(TicketTexts.minutes(null)).isEqualTo("—");
    assertThat(TicketTexts.minutes(45)).isEqualTo("45 min");
    assertThat(TicketTexts.minutes(240)).isEqualTo("4 h");
    assertThat(TicketTexts.minutes(90)).isEqualTo("1 h 30 min");
    assertThat(TicketTexts.minutes(2880)).isEqualTo("2 d");
  }

  @Test
  void theNearestOpenDeadlineSkipsTheFirstResponseOnceGiven() {
    var open = new io.switchboard.runtime.tickets.Ticket.Sla("ok", NOW + 10, null, NOW + 50, null, NOW + 30, null, null,
        null, null);
    var answered = new io.switchboard.runtime.tickets.Ticket.Sla("ok", NOW + 10, NOW, NOW + 50, null, NOW + 30, null,
        null, null, null);
    assertThat(TicketTexts.next(open)).isEqualTo(NOW + 10);
    assertThat(TicketTexts.next(answered)).isEqualTo(NOW + 30);
  }
}
