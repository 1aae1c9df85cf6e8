package io.switchboard.designer.security;

import io.switchboard.runtime.model.ApiKey;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.store.UserRepository;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * API keys for machine clients: {@code sb_<prefix>_<secret>}. Only the SHA-256 of a key is stored,
 * and the key itself is shown once, when it is created.
 */
@Service
public class ApiKeys {
  /** As the store keeps it. */
  static final int MAX_NAME_CHARS = 100;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private final UserRepository users;
  private final Ids ids;

  public ApiKeys(UserRepository users, Ids ids) {
    this.users = users;
    this.ids = ids;
  }

  /** A new key, shown to its creator once. */
  public record Created(String id, String name, String key, Set<Role> roles) {}

  public Created create(String name, Set<Role> roles, String createdBy) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME_CHARS) {
      throw new BadRequestException("an API key needs a name of 1 to " + MAX_NAME_CHARS + " characters");
    }
    byte[] prefix = new byte[4];
    byte[] secret = new byte[20];
    RANDOM.nextBytes(prefix);
    RANDOM.nextBytes(secret);
    String prefixText = HEX.formatHex(prefix);
    String key = "sb_" + prefixText + "_" + HEX.formatHex(secret);
    String id = ids.next();
    users.createApiKey(id, name, prefixText, sha256(key), roles.stream().map(Role::name).collect(Collectors.toSet()), createdBy);
    return new Created(id, name, key, roles);
  }

  /** Every key, revoked ones included; the hashes stay in the store's records, never in a view. */
  public List<ApiKey> list() {
    return users.apiKeys();
  }

  /**
   * Revokes a key.
   *
   * @throws NotFoundException when there is no such key
   */
  public void revoke(String id) {
    if (!users.revoke(id)) {
      throw new NotFoundException("no active API key '" + id + "'");
    }
  }

  /** The key's stored record when the text is a valid, unrevoked key. */
  public Optional<ApiKey> authenticate(String key) {
    if (key == null || !key.startsWith("sb_") || key.length() != 3 + 8 + 1 + 40) {
      return Optional.empty();
    }
    byte[] hash = sha256(key).getBytes(StandardCharsets.US_ASCII);
    return users.activeKeys(key.substring(3, 11)).stream()
        .filter(k -> MessageDigest.isEqual(hash, k.hash().getBytes(StandardCharsets.US_ASCII)))
        .findFirst();
  }

  static String sha256(String text) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
