package io.switchboard.runtime.node.fetch;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.switchboard.flow.model.config.FetchConfig;
import io.switchboard.runtime.connector.DataStep;
import io.switchboard.runtime.connector.DataStepException;
import io.switchboard.runtime.connector.ResponseMapping;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.StepContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls a data step (registered, or an inline HTTP request), retrying transient failures with
 * exponential backoff, and maps the JSON answer into variables. Takes {@code ok}, or fails (the
 * interpreter then takes {@code error}) with a message that names the step and the status.
 */
public final class FetchExecutor implements NodeExecutor {
  private final String stepName;
  private final DataStep step;
  private final InlineRequest request;
  private final String[] inputNames;
  private final CompiledTemplate[] inputValues;
  private final ResponseMapping output;
  private final Retry retry;
  private final int ok;

  public FetchExecutor(CompileContext context) {
    FetchConfig config = context.config(FetchConfig.class);
    Duration timeout = Duration.ofMillis(config.timeoutMs());
    if (config.step() != null) {
      this.stepName = "data step '" + config.step() + "'";
      this.step = context.dataSteps().find(config.step()).orElseGet(() -> input -> {
        throw new DataStepException("the data step '" + config.step() + "' is not registered", false);
      });
      this.request = null;
    } else {
      this.stepName = "request of " + context.node().displayName();
      this.step = null;
      this.request = new InlineRequest(stepName, config.request(), context.expressions(), context.http(), timeout);
    }
    this.inputNames = config.input().keySet().toArray(String[]::new);
    this.inputValues = config.input().values().stream().map(context.expressions()::template).toArray(CompiledTemplate[]::new);
    this.output = ResponseMapping.compile(config.output());
    this.retry = config.retries() == 0 ? null : Retry.of(context.node().id(), RetryConfig.custom()
        .maxAttempts(config.retries() + 1)
        .intervalFunction(IntervalFunction.ofExponentialBackoff(Math.max(1, config.backoffMs()), 2.0))
        .retryOnException(e -> e instanceof DataStepException d && d.isTransient())
        .failAfterMaxAttempts(false)
        .build());
    this.ok = context.ports().index("ok");
  }

  @Override
  public Outcome execute(StepContext context) {
    Map<String, Object> input = new HashMap<>(inputNames.length * 2);
    for (int i = 0; i < inputNames.length; i++) {
      input.put(inputNames[i], context.render(inputValues[i]));
    }
    Object answer;
    try {
      answer = retry == null ? call(context, input) : retry.executeSupplier(() -> call(context, input));
    } catch (DataStepException e) {
      return new Outcome.Fail(e.getMessage() + (retry != null && e.isTransient()
          ? " (after " + retry.getRetryConfig().getMaxAttempts() + " attempts)" : ""));
    }
    output.apply(answer, context::set);
    return Outcome.next(ok);
  }

  private Object call(StepContext context, Map<String, Object> input) {
    return step != null ? step.call(input) : request.call(context);
  }

}
