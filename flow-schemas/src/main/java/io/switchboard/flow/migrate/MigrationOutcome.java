package io.switchboard.flow.migrate;

import tools.jackson.databind.node.ObjectNode;

/** What bringing a tree to the current format gave: the flow in that format, or why it cannot be read. */
public sealed interface MigrationOutcome {
  /** The flow in the current format: the tree itself when it was current already, else a new tree. */
  record Migrated(ObjectNode flow) implements MigrationOutcome {}

  /** The tree is not a flow document this version can read; the reason names its format. */
  record Refused(String reason) implements MigrationOutcome {}
}
