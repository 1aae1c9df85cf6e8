package io.switchboard.flow.migrate;

import java.util.List;

/**
 * A chain of example formats, registered only in tests while {@code switchboard.flow/1} is the only
 * real format: {@code example.flow/1 -> /2 -> /3}, each step a change the real format might make.
 */
final class ExampleChain {
  static final String CURRENT = "example.flow/3";

  private ExampleChain() {}

  static FlowMigrations registry() {
    return FlowMigrations.of(CURRENT, List.of(new EdgePortOfItsOwn(), new PositionsIntoLayout()));
  }
}
