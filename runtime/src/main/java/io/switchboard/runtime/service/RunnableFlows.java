package io.switchboard.runtime.service;

import io.switchboard.runtime.engine.CompiledFlow;

/**
 * The compiled flows interactions run on: the published versions for real interactions, one draft
 * for a designer's test run.
 */
public interface RunnableFlows {

  /** The version a new interaction of the flow starts on. */
  CompiledFlow latest(String flowId);

  /** The version an interaction started on. */
  CompiledFlow compiled(String flowId, int version);
}
