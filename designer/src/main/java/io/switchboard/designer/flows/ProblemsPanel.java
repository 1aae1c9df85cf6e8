package io.switchboard.designer.flows;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableConsumer;
import io.switchboard.flow.validate.Problem;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The problems the validator found in the draft. Clicking one shows its node (and field); a problem
 * with an obvious remedy offers it as a one-click fix, which hands the fixed document back.
 */
final class ProblemsPanel extends Composite<VerticalLayout> implements HasSize {
  private final Grid<Problem> problems = new Grid<>(Problem.class, false);

  /**
   * @param showNode called with the node id (or null) of a clicked problem
   * @param applyFix called with the whole document once a fix has changed it
   */
  ProblemsPanel(SerializableConsumer<String> showNode, SerializableConsumer<JsonNode> applyFix) {
    problems.setId("flow-problems");
    problems.addColumn(Problem::severity).setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
    problems.addColumn(p -> p.nodeId() != null ? p.nodeId() : p.edgeId() != null ? p.edgeId() : "").setHeader("Where")
        .setAutoWidth(true).setFlexGrow(0);
    problems.addColumn(Problem::message).setHeader("Problem").setFlexGrow(1);
    problems.setSizeFull();
    problems.addItemClickListener(e -> showNode.accept(e.getItem().nodeId()));
    getContent().setPadding(false);
    getContent().setSizeFull();
    getContent().add(problems);
  }

  /** The draft's problems, in the document they were found in. */
  void show(List<Problem> found, JsonNode document) {
    problems.setItems(found);
  }
}
