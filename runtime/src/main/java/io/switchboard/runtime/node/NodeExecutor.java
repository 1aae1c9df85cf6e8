package io.switchboard.runtime.node;

/**
 * Runs one node of a compiled flow. One implementation per node type, built once per published
 * version with its config compiled (expressions parsed, ports resolved to indexes). An executor
 * never touches the store: it reads and writes variables and asks for effects through the context.
 * Expected failures are returned as {@link Outcome.Fail}; an exception is a bug.
 */
public interface NodeExecutor {

  Outcome execute(StepContext context);

  /**
   * Continues a node that waited. Returns {@link Outcome.Reject}, before changing anything, when the
   * input does not fit.
   */
  default Outcome resume(StepContext context, Resume input) {
    return Outcome.conflict("this step does not wait for input");
  }
}
