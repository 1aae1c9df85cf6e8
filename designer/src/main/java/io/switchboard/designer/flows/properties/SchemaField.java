package io.switchboard.designer.flows.properties;

import com.vaadin.flow.component.Component;
import tools.jackson.databind.JsonNode;

/** One field of a form generated from a JSON Schema: its component and the JSON value it holds. */
public interface SchemaField {
  Component component();

  /** The value, or null when the field is empty and so left out of the config. */
  JsonNode value();

  /**
   * Shows a problem next to the field it concerns.
   *
   * @param pointer a JSON pointer relative to this field's value ("" for the field itself)
   * @return false when no field here can show it, so that it is shown elsewhere
   */
  default boolean showProblem(String pointer, String message) {
    return false;
  }

  /** Takes away the problems shown, before the current ones are shown. */
  default void clearProblems() {
  }
}
