package io.switchboard.runtime.node.fetch;

import io.switchboard.flow.model.config.FetchConfig;
import io.switchboard.runtime.connector.DataStep;
import io.switchboard.runtime.connector.DataStepCatalog;
import io.switchboard.runtime.connector.ResponseMapping;
import io.switchboard.runtime.connector.RetryPolicy;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Result;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.StepContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Calls a data step, registered or an inline HTTP request, and maps the JSON answer into variables:
 * first the outputs the registered step declares, then the node's own mapping. A registered step
 * is looked up at every call, so an integrator's change applies at once, and retries by its own
 * policy; an inline request retries transient failures by the node's. Takes {@code ok}, or fails
 * (the interpreter then takes {@code error}) with a failure whose code tells a timeout from an HTTP
 * status from a bad expression, and whose message names the step and the status.
 */
public final class FetchExecutor implements NodeExecutor {
  private final String stepId;
  private final DataStepCatalog steps;
  private final InlineRequest request;
  private final String[] inputNames;
  private final CompiledTemplate[] inputValues;
  private final ResponseMapping output;
  /** Only for an inline request: a registered step retries by its own policy. */
  private final RetryPolicy retry;
  private final int ok;

  public FetchExecutor(CompileContext context) {
    FetchConfig config = context.config(FetchConfig.class);
    Duration timeout = Duration.ofMillis(config.timeoutMs());
    this.steps = context.dataSteps();
    if (config.step() != null) {
      this.stepId = config.step();
      this.request = null;
    } else {
      this.stepId = null;
      this.request = new InlineRequest("request of " + context.node().displayName(), config.request(),
          context.expressions(), context.http(), timeout);
    }
    this.inputNames = config.input().keySet().toArray(String[]::new);
    this.inputValues = config.input().values().stream().map(context.expressions()::template).toArray(CompiledTemplate[]::new);
    this.output = ResponseMapping.compile(config.output());
    this.retry = config.step() != null ? null
        : RetryPolicy.of(context.node().id(), config.retries() + 1, config.backoffMs());
    this.ok = context.ports().index("ok");
  }

  @Override
  public Outcome execute(StepContext context) {
    Map<String, Object> input = new HashMap<>(inputNames.length * 2);
    for (int i = 0; i < inputNames.length; i++) {
      Result<String> value = context.render(inputValues[i]);
      if (!value.isOk()) {
        return Outcome.fail(value.failure());
      }
      input.put(inputNames[i], value.value());
    }
    if (stepId == null) {
      return mapped(retry.run(() -> request.call(context)), ResponseMapping.NONE, context);
    }
    Optional<DataStep> step = steps.find(stepId);
    if (step.isEmpty()) {
      return Outcome.fail(Failure.of(Failure.Code.not_registered, "the data step '" + stepId + "' is not registered"));
    }
    return mapped(step.get().call(input), step.get().outputs(), context);
  }

  /** Maps the answer, first by the step's declared outputs, then by the node's own mapping. */
  private Outcome mapped(Result<Object> answer, ResponseMapping declared, StepContext context) {
    if (!(answer instanceof Result.Ok<Object>(Object value))) {
      return Outcome.fail(answer.failure());
    }
    declared.apply(value, context::set);
    output.apply(value, context::set);
    return Outcome.next(ok);
  }
}
