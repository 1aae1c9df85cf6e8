package io.switchboard.runtime.scripts;

import java.time.Instant;
import java.util.List;

/**
 * The script of one published flow version as an agent reads it: where the flow starts, what the
 * agent sees, what happens before the first step, and every agent step with its answers.
 */
public record ScriptDocument(
    String flowId,
    String name,
    String description,
    int version,
    Instant publishedAt,
    String publishedBy,
    String comment,
    String channel,
    String address,
    List<Variable> variables,
    List<Action> opening,
    List<AgentStep> steps) {

  public ScriptDocument {
    variables = List.copyOf(variables);
    opening = List.copyOf(opening);
    steps = List.copyOf(steps);
  }

  /** A variable the agent sees during the interaction. */
  public record Variable(String label, String name, String type) {}
}
