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
  void dataStepsWithAuthenticationAndBreakerAndTheOutboundAllowListBind() {
    Map<String, String> properties = Map.of(
        "switchboard.data-steps.crm.url", "https://crm.example.com/c?phone={{ input.phone }}",
        "switchboard.data-steps.crm.timeout-ms", "3000",
        "switchboard.data-steps.crm.auth.kind", "oauth2",
        "switchboard.data-steps.crm.auth.token-url", "https://auth.example.com/token",
        "switchboard.data-steps.crm.auth.client-id", "switchboard",
        "switchboard.data-steps.crm.auth.client-secret", "s3cret",
        "switchboard.data-steps.crm.breaker-window", "20",
        "switchboard.http.allowed-hosts", "127.0.0.1,10.0.0.0/8",
        "switchboard.expressions.timeout", "2s");

    RuntimeProperties bound = new Binder(new MapConfigurationPropertySource(properties))
        .bind("switchboard", RuntimeProperties.class).get();

    var crm = bound.dataSteps().get("crm");
    assertThat(crm.timeoutMs()).isEqualTo(3000);
    assertThat(crm.auth().kind()).isEqualTo("oauth2");
    assertThat(crm.auth().tokenUrl()).isEqualTo("https://auth.example.com/token");
    assertThat(crm.auth().clientSecret()).isEqualTo("s3cret");
    assertThat(crm.breakerWindow()).isEqualTo(20);
    assertThat(crm.breakerOpenMs()).isEqualTo(30_000L);
    assertThat(bound.http().allowedHosts()).containsExactly("127.0.0.1", "10.0.0.0/8");
    assertThat(bound.expressions().timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(bound.maxAutomaticSteps()).isEqualTo(1000);
  }
}
