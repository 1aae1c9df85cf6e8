package io.switchboard.runtime.store;

import io.switchboard.runtime.model.ApiKey;
import io.switchboard.runtime.model.UserAccount;
import static io.switchboard.runtime.store.jooq.Tables.API_KEY;
import static io.switchboard.runtime.store.jooq.Tables.APP_USER;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;

/** Users (with hashed passwords and roles) and API keys (stored as hashes). */
public final class UserRepository {
  private final DSLContext dsl;
  private final Clock clock;

  public UserRepository(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  public Optional<UserAccount> find(String username) {
    return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional(r -> new UserAccount(r.getUsername(),
        r.getPasswordHash(), r.getDisplayName(), roles(r.getRoles()), r.getEnabled(), r.getCreatedAt()));
  }

  public List<UserAccount> list() {
    return dsl.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch(r -> new UserAccount(r.getUsername(), null,
        r.getDisplayName(), roles(r.getRoles()), r.getEnabled(), r.getCreatedAt()));
  }

  public boolean isEmpty() {
    return dsl.fetchCount(APP_USER) == 0;
  }

  /** Creates a user; false when the name is taken. */
  public boolean create(String username, String passwordHash, String displayName, Set<String> roles) {
    return dsl.insertInto(APP_USER).set(APP_USER.USERNAME, username).set(APP_USER.PASSWORD_HASH, passwordHash)
        .set(APP_USER.DISPLAY_NAME, displayName).set(APP_USER.ROLES, String.join(",", new TreeSet<>(roles)))
        .set(APP_USER.ENABLED, true).set(APP_USER.CREATED_AT, clock.millis())
        .onDuplicateKeyIgnore().execute() == 1;
  }

  /** Changes a user's display name and roles; false when there is no such user. */
  public boolean update(String username, String displayName, Set<String> roles) {
    return dsl.update(APP_USER).set(APP_USER.DISPLAY_NAME, displayName)
        .set(APP_USER.ROLES, String.join(",", new TreeSet<>(roles))).where(APP_USER.USERNAME.eq(username)).execute() == 1;
  }

  /** Lets a user sign in again or stops them; false when there is no such user. */
  public boolean setEnabled(String username, boolean enabled) {
    return dsl.update(APP_USER).set(APP_USER.ENABLED, enabled).where(APP_USER.USERNAME.eq(username)).execute() == 1;
  }

  /** Replaces a user's password hash; false when there is no such user. */
  public boolean setPasswordHash(String username, String passwordHash) {
    return dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwordHash).where(APP_USER.USERNAME.eq(username))
        .execute() == 1;
  }

  public void createApiKey(String id, String name, String prefix, String hash, Set<String> roles, String createdBy) {
    dsl.insertInto(API_KEY).set(API_KEY.ID, id).set(API_KEY.NAME, name).set(API_KEY.KEY_PREFIX, prefix)
        .set(API_KEY.KEY_HASH, hash).set(API_KEY.ROLES, String.join(",", new TreeSet<>(roles)))
        .set(API_KEY.CREATED_BY, createdBy).set(API_KEY.CREATED_AT, clock.millis()).execute();
  }

  /** The keys that are not revoked and start with this prefix. */
  public List<ApiKey> activeKeys(String prefix) {
    return dsl.selectFrom(API_KEY).where(API_KEY.KEY_PREFIX.eq(prefix).and(API_KEY.REVOKED_AT.isNull()))
        .fetch(UserRepository::apiKey);
  }

  public List<ApiKey> apiKeys() {
    return dsl.selectFrom(API_KEY).orderBy(API_KEY.CREATED_AT.desc()).fetch(r -> {
      ApiKey key = apiKey(r);
      return new ApiKey(key.id(), key.name(), key.prefix(), null, key.roles(), key.createdBy(), key.createdAt(), key.revokedAt());
    });
  }

  /** Revokes a key; false when there is no such active key. */
  public boolean revoke(String id) {
    return dsl.update(API_KEY).set(API_KEY.REVOKED_AT, clock.millis())
        .where(API_KEY.ID.eq(id).and(API_KEY.REVOKED_AT.isNull())).execute() == 1;
  }

  private static ApiKey apiKey(io.switchboard.runtime.store.jooq.tables.records.ApiKeyRecord r) {
    return new ApiKey(r.getId(), r.getName(), r.getKeyPrefix(), r.getKeyHash(), roles(r.getRoles()), r.getCreatedBy(),
        r.getCreatedAt(), r.getRevokedAt());
  }

  private static Set<String> roles(String text) {
    return new TreeSet<>(Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
  }
}
