package io.switchboard.runtime.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key that seals stored secrets comes from: {@code switchboard.secrets.key} (32 random
 * bytes, base64). In production mode there is no other way, and the application refuses to start
 * without it. In development a key is made once and kept in a file beside the database, so that
 * secrets survive a restart; a warning says so.
 */
public final class SecretKeys {
  private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);

  private SecretKeys() {}

  /**
   * @param configuredKey the configured key, or null
   * @param previousKeys keys used before, still accepted for opening while secrets are sealed again
   * @param production whether the application runs in production mode
   * @param keyFile the development key file
   * @throws IllegalStateException in production mode without a key, naming the property
   */
  public static SecretBox box(String configuredKey, java.util.List<String> previousKeys, boolean production, Path keyFile) {
    if (configuredKey != null && !configuredKey.isBlank()) {
      return SecretBox.fromBase64(configuredKey, previousKeys);
    }
    if (production) {
      throw new IllegalStateException("switchboard.secrets.key is not set. In production mode Switchboard encrypts "
          + "the secrets of data steps with a key from configuration and will not start without one: set "
          + "SWITCHBOARD_SECRETS_KEY to 32 random bytes in base64 (openssl rand -base64 32) and keep it safe.");
    }
    try {
      if (!Files.exists(keyFile)) {
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Files.writeString(keyFile, SecretBox.newKey() + "\n", StandardCharsets.US_ASCII);
        try {
          Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system
        }
      }
      LOG.warn("switchboard.secrets.key is not set; development mode seals data step secrets with the key in {}. "
          + "Set switchboard.mode=production and switchboard.secrets.key for real use.", keyFile.toAbsolutePath().normalize());
      return SecretBox.fromBase64(Files.readString(keyFile, StandardCharsets.US_ASCII), previousKeys);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the development secrets key in " + keyFile.toAbsolutePath(), e);
    }
  }
}
