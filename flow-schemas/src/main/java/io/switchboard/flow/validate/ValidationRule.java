package io.switchboard.flow.validate;

import java.util.List;

/** One concern of flow validation; adds what it finds to the list and never throws. */
@FunctionalInterface
public interface ValidationRule {
  void check(FlowGraph flow, List<Problem> problems);
}
