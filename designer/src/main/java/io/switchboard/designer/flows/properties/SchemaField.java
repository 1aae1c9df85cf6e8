package io.switchboard.designer.flows.properties;

import com.vaadin.flow.component.Component;
import tools.jackson.databind.JsonNode;

/** One field of a form generated from a JSON Schema: its component and the JSON value it holds. */
public interface SchemaField {
  Component component();

  /** The value, or null when the field is empty and so left out of the config. */
  JsonNode value();
}
