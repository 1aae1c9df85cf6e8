package io.switchboard.flow.model.config;

/** Config of a {@code forward} node: where the interaction goes. */
public record ForwardConfig(Target target, Integer timeoutSeconds) {
  public static final int DEFAULT_TIMEOUT_SECONDS = 60;

  public ForwardConfig {
    timeoutSeconds = timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
  }

  /** kind is one of queue, agent, phone, sip; value is a template. */
  public record Target(String kind, String value) {}
}
