package io.switchboard.designer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TextsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  void countsSayTheNounInTheRightNumber() {
    assertThat(Texts.count(0, "operation")).isEqualTo("no operations");
    assertThat(Texts.count(1, "operation")).isEqualTo("1 operation");
    assertThat(Texts.count(3, "error")).isEqualTo("3 errors");
    assertThat(Texts.count(2, "reply", "replies")).isEqualTo("2 replies");
  }

  @Test
  void timesReadRelativeToNow() {
    assertThat(Texts.ago(NOW.minusSeconds(20), NOW)).isEqualTo("just now");
    assertThat(Texts.ago(NOW.minus(Duration.ofMinutes(5)), NOW)).isEqualTo("5 min ago");
    assertThat(Texts.ago(NOW.minus(Duration.ofHours(3)), NOW)).isEqualTo("3 h ago");
    assertThat(Texts.ago(NOW.minus(Duration.ofHours(30)), NOW)).isEqualTo("yesterday");
    assertThat(Texts.ago(NOW.minus(Duration.ofDays(4)), NOW)).isEqualTo("4 days ago");
    assertThat(Texts.ago(Instant.parse("2026-10-02T12:00:00Z"), NOW)).startsWith("on 2 Oct 2026");
  }

  @Test
  void itemsAreListedAsASentenceListsThem() {
    assertThat(Texts.list(java.util.List.of())).isEmpty();
    assertThat(Texts.list(java.util.List.of("a"))).isEqualTo("a");
    assertThat(Texts.list(java.util.List.of("a", "b"))).isEqualTo("a and b");
    assertThat(Texts.list(java.util.List.of("a", "b", "c"))).isEqualTo("a, b and c");
  }

  @Test
  void channelsAreNamedAsPeopleSayThem() {
    assertThat(Texts.channel("voice")).isEqualTo("Call");
    assertThat(Texts.channel("call-list")).isEqualTo("Call list");
    assertThat(Texts.channel("email")).isEqualTo("E-mail");
    assertThat(Texts.channel("sms")).isEqualTo("Message");
    assertThat(Texts.channel("fax")).isEqualTo("Fax");
    assertThat(Texts.channel(null)).isEqualTo("Interaction");
  }
}
