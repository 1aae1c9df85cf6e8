package io.switchboard.runtime.scripts;

import java.util.List;

/** A {@code script} node: what the agent says, what they fill in, and where each answer leads. */
public record AgentStep(int number, String nodeId, String title, String prompt, List<Field> fields,
    List<AnswerPath> answers) {

  public AgentStep {
    fields = List.copyOf(fields);
    answers = List.copyOf(answers);
  }

  /** A field the agent fills in; its value goes into {@code variable} (shown by its label). */
  public record Field(String label, String type, boolean required, String variable) {}
}
