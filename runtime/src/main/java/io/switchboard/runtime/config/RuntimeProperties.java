package io.switchboard.runtime.config;

import io.switchboard.runtime.connector.HttpDataStep;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code switchboard.*}.
 *
 * @param maxAutomaticSteps the guard: automatic steps allowed between two waits
 * @param dataSteps HTTP data steps by id (until the integrators' registry lands)
 */
@ConfigurationProperties("switchboard")
public record RuntimeProperties(
    Integer maxAutomaticSteps,
    Duration timerInterval,
    Duration outboxInterval,
    Integer outboxMaxAttempts,
    Duration outboxBackoff,
    String mailFrom,
    Map<String, HttpDataStep.Definition> dataSteps,
    Expressions expressions,
    Http http) {

  public RuntimeProperties {
    maxAutomaticSteps = maxAutomaticSteps == null ? 1000 : maxAutomaticSteps;
    timerInterval = timerInterval == null ? Duration.ofSeconds(1) : timerInterval;
    outboxInterval = outboxInterval == null ? Duration.ofSeconds(2) : outboxInterval;
    outboxMaxAttempts = outboxMaxAttempts == null ? 8 : outboxMaxAttempts;
    outboxBackoff = outboxBackoff == null ? Duration.ofSeconds(2) : outboxBackoff;
    mailFrom = mailFrom == null ? "switchboard@localhost" : mailFrom;
    dataSteps = dataSteps == null ? Map.of() : dataSteps;
    expressions = expressions == null ? new Expressions(null, null) : expressions;
    http = http == null ? new Http(null) : http;
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

  /** Limits of the JavaScript sandbox. */
  public record Expressions(Long statementLimit, Duration timeout) {
    public Expressions {
      statementLimit = statementLimit == null ? 100_000L : statementLimit;
      timeout = timeout == null ? Duration.ofSeconds(1) : timeout;
    }
  }
}
