package io.switchboard.runtime.node;

import java.util.Map;

/** The input that resumes a waiting node. */
public sealed interface Resume {

  /** Who gave the input, for the step log; null for the clock and for machines. */
  default String actor() {
    return switch (this) {
      case AgentAnswer a -> a.agent();
      case AgentAssigned a -> a.agent();
      default -> null;
    };
  }

  /** An agent's answer to a script step, with the fields the agent filled in. */
  record AgentAnswer(String nodeId, String answer, Map<String, Object> fields, String agent) implements Resume {
    public AgentAnswer {
      fields = fields == null ? Map.of() : fields;
    }

    public AgentAnswer(String nodeId, String answer, Map<String, Object> fields) {
      this(nodeId, answer, fields, null);
    }
  }

  /**
   * An agent accepted the interaction waiting in a queue; {@code address} is where a call is bridged
   * to (a SIP URI or a number), null when the agent has none.
   */
  record AgentAssigned(String agent, String offerId, String address, String reason) implements Resume {
    public AgentAssigned(String agent, String offerId, String address) {
      this(agent, offerId, address, null);
    }
  }

  /** The deadline of the wait passed. */
  record TimerFired() implements Resume {}

  /** A named event with its data. */
  record EventArrived(String name, Object data) implements Resume {}

  /** The provider reports how a forwarded call went (completed, busy, no-answer, failed, canceled). */
  record CallStatus(String status) implements Resume {}
}
