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

  /** One flow that every interaction runs on, whatever it names (a draft's test run, a test). */
  static RunnableFlows only(CompiledFlow flow) {
    return new RunnableFlows() {
      @Override
      public CompiledFlow latest(String flowId) {
        return flow;
      }

      @Override
      public CompiledFlow compiled(String flowId, int version) {
        return flow;
      }
    };
  }
}
