package io.switchboard.flow.model.config;

import java.util.List;

/** Config of a {@code script} node: the agent's prompt, the answers (one port each), fields to fill. */
public record ScriptConfig(String prompt, List<Answer> answers, List<Field> fields) {
  public ScriptConfig {
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
