package io.switchboard.runtime.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code switchboard.*}.
 *
 * @param maxAutomaticSteps the guard: automatic steps allowed between two waits
 * @param registrySyncInterval how often data steps and the allow-list changed by other instances are read
 * @param mode {@code development} (the default) or {@code production}, which refuses to start
 *     without the secrets key
 * @param secrets how the secrets of data steps are sealed at rest
 * @param maxRequestBytes the largest request body {@code /api/**} takes (413 above it)
 * @param maxHookRequestBytes the largest request body a provider webhook ({@code /hooks/**}) takes
 * @param outboxLease how long an instance holds a message it is delivering before another may try it
 *     (default 30 × {@code outboxBackoff}); a message whose delivery died with its instance goes out again then
 * @param timerWorkers how many interactions whose deadline passed are resumed at once (default 4); a
 *     slow step after a wait holds one of them, never the timer thread
 * @param outboxWorkers how many outbox messages are delivered at once (default 4); a stuck delivery
 *     holds one of them
 * @param desk how interactions are offered to agents
 */
@ConfigurationProperties("switchboard")
public record RuntimeProperties(
    Integer maxAutomaticSteps,
    Duration timerInterval,
    Duration outboxInterval,
    Duration registrySyncInterval,
    Integer outboxMaxAttempts,
    Duration outboxBackoff,
    Duration outboxLease,
    Integer timerWorkers,
    Integer outboxWorkers,
    String mailFrom,
    String mode,
    Secrets secrets,
    Expressions expressions,
    Http http,
    Long maxRequestBytes,
    Long maxHookRequestBytes,
    Desk desk) {

  public RuntimeProperties {
    maxAutomaticSteps = maxAutomaticSteps == null ? 1000 : maxAutomaticSteps;
    timerInterval = timerInterval == null ? Duration.ofSeconds(1) : timerInterval;
    outboxInterval = outboxInterval == null ? Duration.ofSeconds(2) : outboxInterval;
    registrySyncInterval = registrySyncInterval == null ? Duration.ofSeconds(5) : registrySyncInterval;
    outboxMaxAttempts = outboxMaxAttempts == null ? 8 : outboxMaxAttempts;
    outboxBackoff = outboxBackoff == null ? Duration.ofSeconds(2) : outboxBackoff;
    outboxLease = outboxLease == null ? outboxBackoff.multipliedBy(30) : outboxLease;
    timerWorkers = timerWorkers == null ? 4 : timerWorkers;
    outboxWorkers = outboxWorkers == null ? 4 : outboxWorkers;
    mailFrom = mailFrom == null ? "switchboard@localhost" : mailFrom;
    mode = mode == null ? "development" : mode;
    secrets = secrets == null ? new Secrets(null, null, null) : secrets;
    expressions = expressions == null ? new Expressions(null, null) : expressions;
    http = http == null ? new Http(null) : http;
    maxRequestBytes = maxRequestBytes == null ? 8L * 1024 * 1024 : maxRequestBytes;
    maxHookRequestBytes = maxHookRequestBytes == null ? 64L * 1024 : maxHookRequestBytes;
    desk = desk == null ? new Desk(null, null, null, null) : desk;
  }

  /**
   * The agent desk.
   *
   * @param offerTimeout how long an offer stands before it goes to the next agent (default 20 s)
   * @param presenceTimeout after how long without a sign of life from any of their sessions an agent
   *     is offline (default 60 s; the workspace gives one every 15 s)
   * @param offeringInterval how often offers are made and lapsed besides right after a change here (default 1 s)
   * @param defaultCountry the country (ISO code) of callers' numbers written without one, for their region (default PL)
   */
  public record Desk(Duration offerTimeout, Duration presenceTimeout, Duration offeringInterval, String defaultCountry) {
    public Desk {
      defaultCountry = defaultCountry == null ? "PL" : defaultCountry;
      offerTimeout = offerTimeout == null ? Duration.ofSeconds(20) : offerTimeout;
      presenceTimeout = presenceTimeout == null ? Duration.ofSeconds(60) : presenceTimeout;
      offeringInterval = offeringInterval == null ? Duration.ofSeconds(1) : offeringInterval;
    }
  }

  /**
   * Outbound HTTP.
   *
   * @param allowedHosts host names, addresses or CIDR ranges that may be called although they are
   *     loopback, private or link-local (comma-separated in {@code switchboard.http.allowed-hosts})
   */
  public record Http(java.util.List<String> allowedHosts) {
    public Http {
      allowedHosts = allowedHosts == null ? java.util.List.of() : java.util.List.copyOf(allowedHosts);
    }
  }

  public boolean production() {
    return "production".equalsIgnoreCase(mode);
  }

  /**
   * The key that seals data step secrets (AES-256-GCM).
   *
   * @param key 32 random bytes, base64 ({@code SWITCHBOARD_SECRETS_KEY}); required in production mode
   * @param previousKeys keys used before ({@code SWITCHBOARD_SECRETS_PREVIOUS_KEYS}, comma-separated):
   *     secrets sealed with one of them still open, and are sealed again with {@code key} at start-up
   * @param keyFile where development mode keeps a generated key when none is configured
   */
  public record Secrets(String key, java.util.List<String> previousKeys, String keyFile) {
    public Secrets {
      previousKeys = previousKeys == null ? java.util.List.of() : java.util.List.copyOf(previousKeys);
      keyFile = keyFile == null ? "./data/secrets.key" : keyFile;
    }

    @Override
    public String toString() {
      return "Secrets[key=" + (key == null ? "unset" : "[redacted]") + ", previousKeys=" + previousKeys.size()
          + ", keyFile=" + keyFile + "]";
    }
  }

  /** Limits of the JavaScript sandbox. */
  public record Expressions(Long statementLimit, Duration timeout) {
    public Expressions {
      statementLimit = statementLimit == null ? 100_000L : statementLimit;
      timeout = timeout == null ? Duration.ofSeconds(1) : timeout;
    }
  }
}
