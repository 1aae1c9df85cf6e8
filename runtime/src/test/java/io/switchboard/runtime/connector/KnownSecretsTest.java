package io.switchboard.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownSecretsTest {
  @Test
  void aKnownSecretIsBlankedInEveryFormAndForgottenWithItsStep() {
    new StepAuth(new StepAuth.Definition("basic", null, null, null, "ann", "pa ss/1", null, null, null, null),
        java.time.Clock.systemUTC(), OutboundGuard.strict()).secretForms().forEach(f -> KnownSecrets.remember("billing",
        List.of(f)));

    assertThat(KnownSecrets.redact("Authorization: Basic YW5uOnBhIHNzLzE= for pa ss/1 (pa+ss%2F1, pa%20ss%2F1)"))
        .isEqualTo("Authorization: Basic [redacted] for [redacted] ([redacted], [redacted])");

    KnownSecrets.forget("billing");
    assertThat(KnownSecrets.redact("pa ss/1")).isEqualTo("pa ss/1");
  }

  @Test
  void aSecretFieldOfAStepDefinitionIsBlankedBeforeTheSecretIsKnownEvenWhenTheLineIsCut() {
    assertThat(KnownSecrets.redact("Read to [{\"auth\":{\"kind\":\"bearer\",\"value\":\"tok-9\"},\"id\":\"crm\"}]"))
        .isEqualTo("Read to [{\"auth\":{\"kind\":\"bearer\",\"value\":\"[redacted]\"},\"id\":\"crm\"}]");
    assertThat(KnownSecrets.redact("{\\\"password\\\": \\\"hunter2\\\"}")).isEqualTo("{\\\"password\\\": \\\"[redacted]\\\"}");
    assertThat(KnownSecrets.redact("{\"clientSecret\":\"abcdef (truncated)...")).isEqualTo("{\"clientSecret\":\"[redacted]");
    assertThat(KnownSecrets.redact("no secrets here: value=3")).isEqualTo("no secrets here: value=3");
  }
}
