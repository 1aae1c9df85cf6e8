package io.switchboard.runtime.scripts;

import java.util.List;

/** One answer of a step and what follows it, up to the next agent step or the end. */
public record AnswerPath(String answer, List<Action> actions) {
  public AnswerPath {
    actions = List.copyOf(actions);
  }
}
