package io.switchboard.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings bind from properties as the README documents them. */
class RuntimePropertiesTest {
  @Test
  void modeSecretsKeyOutboundAllowListAndLimitsBind() {
    Map<String, String> properties = Map.of(
        "switchboard.mode", "production",
        "switchboard.secrets.key", "c2VjcmV0LWtleS1vZi10aGlydHktdHdvLWJ5dGVzISE=",
        "switchboard.http.allowed-hosts", "127.0.0.1,10.0.0.0/8",
        "switchboard.expressions.timeout", "2s");

    RuntimeProperties bound = new Binder(new MapConfigurationPropertySource(properties))
        .bind("switchboard", RuntimeProperties.class).get();

    assertThat(bound.production()).isTrue();
    assertThat(bound.secrets().key()).isEqualTo("c2VjcmV0LWtleS1vZi10aGlydHktdHdvLWJ5dGVzISE=");
    assertThat(bound.secrets().toString()).doesNotContain("c2VjcmV0");
    assertThat(bound.secrets().keyFile()).isEqualTo("./data/secrets.key");
    assertThat(bound.http().allowedHosts()).containsExactly("127.0.0.1", "10.0.0.0/8");
    assertThat(bound.expressions().timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(bound.maxAutomaticSteps()).isEqualTo(1000);
  }

  @Test
  void developmentIsTheDefaultMode() {
    RuntimeProperties bound = new Binder(new MapConfigurationPropertySource(Map.of("switchboard.mail-from", "a@b.c")))
        .bind("switchboard", RuntimeProperties.class).get();

    assertThat(bound.production()).isFalse();
    assertThat(bound.secrets().key()).isNull();
  }

  @Test
  void timerAndOutboxWorkersBindAndDefaultToFour() {
    RuntimeProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of("switchboard.mail-from", "a@b.c")))
        .bind("switchboard", RuntimeProperties.class).get();
    RuntimeProperties set = new Binder(new MapConfigurationPropertySource(Map.of("switchboard.timer-workers", "2",
        "switchboard.outbox-workers", "8"))).bind("switchboard", RuntimeProperties.class).get();

    assertThat(defaults.timerWorkers()).isEqualTo(4);
    assertThat(defaults.outboxWorkers()).isEqualTo(4);
    assertThat(set.timerWorkers()).isEqualTo(2);
    assertThat(set.outboxWorkers()).isEqualTo(8);
  }
}
