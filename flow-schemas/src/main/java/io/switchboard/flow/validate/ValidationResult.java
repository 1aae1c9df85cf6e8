package io.switchboard.flow.validate;

import io.switchboard.flow.model.FlowDocument;
import java.util.List;
import java.util.Optional;

/** The problems of a flow, and the bound document when its structure allowed binding it. */
public record ValidationResult(List<Problem> problems, Optional<FlowDocument> document) {
  public ValidationResult {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }
}
