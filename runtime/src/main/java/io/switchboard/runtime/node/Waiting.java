package io.switchboard.runtime.node;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What a waiting interaction waits for: the node, the kind of input, an optional deadline (epoch
 * milliseconds) after which a timer resumes it, the event name for event waits, and what the waiting
 * node shows (a script's prompt, answers and fields).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Waiting(String nodeId, Kind kind, Long deadline, String event, Map<String, Object> details) {

  public enum Kind {
    /** An agent answers a script step. */
    agent_answer,
    /** Only the clock resumes it. */
    timer,
    /** A named external event (an e-mail reply, an API call). */
    event,
    /** The telephony provider reports how a forwarded call went. */
    call_status,
    /** In a queue until an agent accepts it (details: queue, priority), or until the queue's maximum wait. */
    queue
  }

  public Waiting {
    details = details == null ? Map.of() : details;
  }
}
