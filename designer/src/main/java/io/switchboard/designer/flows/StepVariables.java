package io.switchboard.designer.flows;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.engine.StepRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The variables before and after the step picked in a test run's list, the changed ones first. */
final class StepVariables extends Composite<Div> {
  private static final String PICK = "Pick a step in the list to see the variables before and after it.";

  /** One variable's value on both sides of the step. */
  record Row(String name, String before, String after, boolean changed) {}

  private final Span title = new Span(PICK);
  private final Grid<Row> variables = new Grid<>();

  StepVariables() {
    getContent().setId("test-step-detail");
    getContent().addClassName("sb-test-variables");
    title.addClassName("sb-test-variables-title");
    variables.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    variables.addColumn(Row::name).setHeader("Variable").setFlexGrow(1);
    variables.addColumn(Row::before).setHeader("Before").setFlexGrow(1);
    variables.addColumn(Row::after).setHeader("After").setFlexGrow(1);
    variables.setPartNameGenerator(row -> row.changed() ? "sb-changed" : null);
    variables.setVisible(false);
    getContent().add(title, variables);
  }

  void clear() {
    title.setText(PICK);
    variables.setVisible(false);
  }

  void show(StepRecord step, Map<Integer, Map<String, Object>> before, TestRunSentences sentences) {
    Map<String, Object> was = before.getOrDefault(step.seq(), Map.of());
    Map<String, Object> now = new LinkedHashMap<>(was);
    now.putAll(step.changes());
    title.setText("Step " + step.seq() + " · " + sentences.label(step.nodeId()) + " (" + step.nodeId() + ") · "
        + TestRunSentences.duration(step.durationNanos()) + " · "
        + (step.changes().isEmpty() ? "changed nothing" : "changed " + String.join(", ", step.changes().keySet())));
    variables.setItems(rows(was, now));
    variables.setVisible(true);
  }

  private static List<Row> rows(Map<String, Object> was, Map<String, Object> now) {
    Set<String> names = new LinkedHashSet<>(now.keySet());
    List<Row> changed = new ArrayList<>();
    List<Row> same = new ArrayList<>();
    for (String name : names) {
      boolean differs = !Objects.equals(was.get(name), now.get(name)) || !was.containsKey(name);
      Row row = new Row(name, was.containsKey(name) ? FlowJson.compact(was.get(name)) : "—", FlowJson.compact(now.get(name)),
          differs);
      (differs ? changed : same).add(row);
    }
    changed.addAll(same);
    return changed;
  }
}
