package io.switchboard.flow.model.config;

/** Config of a {@code ticket} node: create, update or attach to a case. */
public record TicketConfig(
    String action,
    String ticket,
    String subject,
    String status,
    String priority,
    String queue,
    String resultVariable) {

  public TicketConfig {
    resultVariable = resultVariable == null ? "ticketId" : resultVariable;
  }
}
