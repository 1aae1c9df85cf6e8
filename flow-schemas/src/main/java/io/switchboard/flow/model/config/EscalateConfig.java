package io.switchboard.flow.model.config;

/** Config of an {@code escalate} node: any of a new priority, a new queue and an alert. */
public record EscalateConfig(String priority, String queue, Alert alert) {
  public record Alert(String message, String severity) {
    public Alert {
      severity = severity == null ? "warning" : severity;
    }
  }
}
