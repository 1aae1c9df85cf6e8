package io.switchboard.designer.flows.properties;

import java.util.List;

/** The data steps a field of kind {@code data-step} offers, what each needs and what it already gives. */
public interface StepChoices {
  /** The ids of the registered data steps, in the order they are offered. */
  List<String> ids();

  /** How a step is shown in the list: its name, id and what it needs; the id alone for an unknown step. */
  String label(String id);

  /**
   * The inputs the step declares, in its order, each with a value to suggest from the names
   * readable at the node; empty for an unknown step.
   */
  List<StepInput> inputs(String stepId, List<String> readable);

  /** What the step already puts into variables, as "variable ← JSONPath"; empty for an unknown step. */
  List<String> given(String stepId);

  /**
   * One input of a data step as its form row shows it.
   *
   * @param suggestion a template to offer, e.g. {@code {{ trigger.from }}} for a phone number, or null
   */
  record StepInput(String name, String help, boolean required, String suggestion) {}
}
