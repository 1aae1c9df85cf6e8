package io.switchboard.flow.model.config;

/**
 * Config of a {@code wait} node. Without an event it pauses for {@code seconds}; with one it waits
 * for the event, keeps its data in {@code variable}, and takes {@code timeout} after {@code seconds}
 * (0: no limit).
 */
public record WaitConfig(Long seconds, String event, String variable) {
  public WaitConfig {
    seconds = seconds == null ? 0L : seconds;
  }
}
