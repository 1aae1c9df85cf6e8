package io.switchboard.flow.model.config;

import java.util.List;

/** Config of a {@code branch} node: cases checked in order; none holding takes {@code else}. */
public record BranchConfig(List<Case> cases) {
  public BranchConfig {
    cases = cases == null ? List.of() : List.copyOf(cases);
  }

  public record Case(String port, String label, String when) {}
}
