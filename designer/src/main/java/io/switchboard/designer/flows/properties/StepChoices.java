package io.switchboard.designer.flows.properties;

import java.util.List;

/** The data steps a field of kind {@code data-step} offers, and how each is named in the list. */
public interface StepChoices {
  /** The ids of the registered data steps, in the order they are offered. */
  List<String> ids();

  /** How a step is shown in the list: its name, id and what it needs; the id alone for an unknown step. */
  String label(String id);
}
