package io.switchboard.flow.migrate;

import tools.jackson.databind.node.ObjectNode;

/**
 * One step from a flow format to the next. {@link FlowMigrations} chains the steps from any older
 * format to the current one; each step has a golden before/after fixture under
 * {@code src/test/resources/migrations/}.
 */
public interface FlowMigration {
  /** The format this step reads, as the document's {@code format} field names it. */
  String from();

  /** The format this step writes. */
  String to();

  /**
   * The flow in format {@link #to()}, its {@code format} field included. A pure function: the
   * argument is left as it is and the same input always gives the same output. It accepts any
   * object of format {@link #from()}, drafts that do not pass the schema included, and keeps what
   * it does not recognise, so that the validator can still point at it.
   */
  ObjectNode migrate(ObjectNode flow);
}
