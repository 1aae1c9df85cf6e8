package io.switchboard.flow.model.config;

import java.util.List;

/**
 * Config of a {@code script} node: the agent's prompt, the answers (one port each), the queue it waits
 * in when no agent has the interaction yet, whether the agent may go back, and fields to fill.
 */
public record ScriptConfig(String prompt, List<Answer> answers, String queue, Boolean allowBack, List<Field> fields) {
  public ScriptConfig {
    allowBack = allowBack == null || allowBack;
    answers = answers == null ? List.of() : List.copyOf(answers);
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  public record Answer(String port, String label) {}

  public record Field(String variable, String label, String type, Boolean required) {
    public Field {
      type = type == null ? "text" : type;
      required = required != null && required;
    }
  }
}
