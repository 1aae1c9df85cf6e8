package io.switchboard.runtime.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
  private final SecretBox box = SecretBox.fromBase64(SecretBox.newKey());

  @Test
  void aSealedSecretOpensWithTheSameKeyAndOwnerAndDoesNotShowItsText() {
    String sealed = box.seal("{\"value\":\"sk-live-123\"}", "crm");

    assertThat(sealed).doesNotContain("sk-live");
    assertThat(Base64.getDecoder().decode(sealed)).hasSize(1 + 12 + 23 + 16);
    assertThat(box.open(sealed, "crm")).isEqualTo("{\"value\":\"sk-live-123\"}");
    assertThat(box.seal("{\"value\":\"sk-live-123\"}", "crm")).as("a fresh nonce each time").isNotEqualTo(sealed);
  }

  @Test
  void anotherKeyAnotherOwnerOrAnAlteredValueDoNotOpen() {
    String sealed = box.seal("s3cret", "crm");
    byte[] altered = Base64.getDecoder().decode(sealed);
    altered[20] ^= 1;

    assertThatThrownBy(() -> SecretBox.fromBase64(SecretBox.newKey()).open(sealed, "crm"))
        .hasMessage("the stored secrets of 'crm' cannot be decrypted: they were sealed with another key "
            + "(switchboard.secrets.key, or one of switchboard.secrets.previous-keys) or altered");
    assertThatThrownBy(() -> box.open(sealed, "billing")).isInstanceOf(SecretBox.SecretException.class);
    assertThatThrownBy(() -> box.open(Base64.getEncoder().encodeToString(altered), "crm"))
        .isInstanceOf(SecretBox.SecretException.class);
  }

  @Test
  void aKeyMustBe32BytesOfBase64() {
    assertThatThrownBy(() -> SecretBox.fromBase64("c2hvcnQ=")).hasMessage("the secrets key must be 32 bytes (256 bits), not 5");
    assertThatThrownBy(() -> SecretBox.fromBase64("not base64!")).hasMessageContaining("openssl rand -base64 32");
  }

  @Test
  void productionModeRefusesToStartWithoutAKeyAndNamesTheSetting(@TempDir Path dir) {
    assertThatThrownBy(() -> SecretKeys.box(null, java.util.List.of(), true, dir.resolve("secrets.key")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("switchboard.secrets.key is not set. In production mode")
        .hasMessageContaining("SWITCHBOARD_SECRETS_KEY");
    assertThat(dir.resolve("secrets.key")).doesNotExist();
  }

  @Test
  void developmentModeMakesAKeyOnceAndKeepsItSoSecretsSurviveARestart(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data/secrets.key");
    String sealed = SecretKeys.box(null, java.util.List.of(), false, file).seal("s3cret", "crm");

    assertThat(Files.readString(file, StandardCharsets.US_ASCII).strip()).hasSize(44);
    assertThat(SecretKeys.box("", java.util.List.of(), false, file).open(sealed, "crm")).isEqualTo("s3cret");
  }

  @Test
  void aValueSealedWithAPreviousKeyOpensAndSaysSoSoThatItCanBeSealedAgain() {
    String oldKey = SecretBox.newKey();
    String newKey = SecretBox.newKey();
    String sealed = SecretBox.fromBase64(oldKey).seal("s3cret", "crm");

    SecretBox rotated = SecretBox.fromBase64(newKey, java.util.List.of(oldKey));

    assertThat(rotated.opened(sealed, "crm")).isEqualTo(new SecretBox.Opened("s3cret", true));
    String resealed = rotated.seal("s3cret", "crm");
    assertThat(rotated.opened(resealed, "crm")).isEqualTo(new SecretBox.Opened("s3cret", false));
    assertThat(SecretBox.fromBase64(newKey).open(resealed, "crm")).isEqualTo("s3cret");
  }
}
