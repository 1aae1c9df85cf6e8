package io.switchboard.flow.steps;

import java.util.List;
import java.util.Optional;

/**
 * What a flow needs to know of a registered data step: the inputs a fetch node fills and the
 * variables the step gives back.
 */
public record StepSignature(String id, String name, List<Input> inputs, List<Output> outputs) {
  public StepSignature {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
  }

  /**
   * One value the step needs; {@code type} is a variable type's JSON name, {@code description} what
   * the integrator wrote of it (an OpenAPI parameter's description), or null.
   */
  public record Input(String name, String type, boolean required, String example, String description) {
    public Input(String name, String type, boolean required, String example) {
      this(name, type, required, example, null);
    }
  }

  /** One variable the step sets, read from the answer by a JSONPath. */
  public record Output(String variable, String type, String path) {}

  public Optional<Output> output(String variable) {
    return outputs.stream().filter(o -> o.variable().equals(variable)).findFirst();
  }
}
