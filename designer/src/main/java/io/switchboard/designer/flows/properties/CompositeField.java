package io.switchboard.designer.flows.properties;

import com.vaadin.flow.component.Component;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A field made of others (a group, rows): its value is made of theirs, and a problem is handed to
 * the one it concerns.
 */
final class CompositeField implements SchemaField {
  private final Component component;
  private final Supplier<JsonNode> value;
  private final BiPredicate<String, String> problems;
  private final Runnable clear;

  /**
   * @param problems shows a problem at a pointer (relative to this field) with a message; false when none of the fields can
   * @param clear takes the problems shown away
   */
  CompositeField(Component component, Supplier<JsonNode> value, BiPredicate<String, String> problems, Runnable clear) {
    this.component = component;
    this.value = value;
    this.problems = problems;
    this.clear = clear;
  }

  /** A field that shows no problems of its own (a checkbox). */
  static SchemaField plain(Component component, Supplier<JsonNode> value) {
    return new CompositeField(component, value, (pointer, message) -> false, () -> { });
  }

  @Override
  public Component component() {
    return component;
  }

  @Override
  public JsonNode value() {
    return value.get();
  }

  @Override
  public boolean showProblem(String pointer, String message) {
    return problems.test(pointer, message);
  }

  @Override
  public void clearProblems() {
    clear.run();
  }
}
