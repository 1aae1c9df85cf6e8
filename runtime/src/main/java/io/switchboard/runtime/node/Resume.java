package io.switchboard.runtime.node;

import java.util.Map;

/** The input that resumes a waiting node. */
public sealed interface Resume {

  /** An agent's answer to a script step, with the fields the agent filled in. */
  record AgentAnswer(String nodeId, String answer, Map<String, Object> fields) implements Resume {
    public AgentAnswer {
      fields = fields == null ? Map.of() : fields;
    }
  }

  /** The deadline of the wait passed. */
  record TimerFired() implements Resume {}

  /** A named event with its data. */
  record EventArrived(String name, Object data) implements Resume {}

  /** The provider reports how a forwarded call went (completed, busy, no-answer, failed, canceled). */
  record CallStatus(String status) implements Resume {}
}
