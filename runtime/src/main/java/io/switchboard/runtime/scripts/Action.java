package io.switchboard.runtime.scripts;

import java.util.List;

/** Something that happens on the way, written for a business reader. */
public sealed interface Action {

  String text();

  /** One thing that happens, or where the path goes next. */
  record Sentence(String text) implements Action {}

  /** A point where the path splits (a branch, or a step that can fail); each case goes on by itself. */
  record Choice(String text, List<Case> cases) implements Action {
    public Choice {
      cases = List.copyOf(cases);
    }
  }

  /** One way out of a choice and what follows it. */
  record Case(String when, List<Action> actions) {
    public Case {
      actions = List.copyOf(actions);
    }
  }
}
