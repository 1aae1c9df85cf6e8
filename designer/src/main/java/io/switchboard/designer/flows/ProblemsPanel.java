package io.switchboard.designer.flows;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableConsumer;
import io.switchboard.designer.ui.Texts;
import io.switchboard.flow.validate.FieldNames;
import io.switchboard.flow.validate.Fixes;
import io.switchboard.flow.validate.NodeNames;
import io.switchboard.flow.validate.Problem;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The problems the validator found in the draft. Each row names the node by its label, says what
 * to do and which field it is about; clicking one shows its node (and field); a problem with an
 * obvious remedy offers it as a one-click fix, which hands the fixed document back.
 */
final class ProblemsPanel extends Composite<VerticalLayout> implements HasSize {
  private final SerializableConsumer<String> showNode;
  private final SerializableConsumer<JsonNode> applyFix;
  private final Span summary = new Span();
  private final Div rows = new Div();

  /**
   * @param showNode called with the node id (or null) of a clicked problem
   * @param applyFix called with the whole document once a fix has changed it
   */
  ProblemsPanel(SerializableConsumer<String> showNode, SerializableConsumer<JsonNode> applyFix) {
    this.showNode = showNode;
    this.applyFix = applyFix;
    getContent().setId("problems-panel");
    summary.setId("problems-summary");
    summary.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
    rows.setId("flow-problems");
    rows.setWidthFull();
    rows.getStyle().set("overflow-y", "auto").set("flex", "1 1 auto").set("min-height", "0");
    getContent().setPadding(false);
    getContent().setSpacing(false);
    getContent().setSizeFull();
    getContent().add(summary, rows);
  }

  /** The draft's problems, in the document they were found in. */
  void show(List<Problem> found, JsonNode document) {
    rows.removeAll();
    long errors = found.stream().filter(Problem::isError).count();
    summary.setText(found.isEmpty() ? "" : Texts.count(errors, "error") + " · " + Texts.count(found.size() - errors, "warning"));
    summary.setVisible(!found.isEmpty());
    if (found.isEmpty()) {
      rows.add(emptyState());
      return;
    }
    for (int i = 0; i < found.size(); i++) {
      rows.add(row(found.get(i), document, i));
    }
  }

  private static Div emptyState() {
    Icon ok = VaadinIcon.CHECK_CIRCLE.create();
    ok.setColor("var(--lumo-success-color)");
    ok.setSize("var(--lumo-icon-size-s)");
    Span text = new Span("No problems — this flow can be published.");
    Div empty = new Div(ok, text);
    empty.setId("problems-empty");
    empty.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "center")
        .set("padding", "var(--lumo-space-s)").set("color", "var(--lumo-secondary-text-color)");
    return empty;
  }

  private Div row(Problem problem, JsonNode document, int index) {
    String name = nodeName(problem, document);
    Span what = new Span();
    if (name != null) {
      Span node = new Span(name);
      node.getStyle().set("font-weight", "600");
      what.add(node, new Span(" — " + NodeNames.withoutName(problem.message(), name)));
    } else {
      what.setText(problem.message());
    }
    what.addClassName("problem-text");
    what.getStyle().set("overflow-wrap", "anywhere").set("cursor", "pointer");
    what.addClickListener(e -> showNode.accept(problem.nodeId()));

    Div text = new Div(what);
    text.getStyle().set("flex", "1 1 auto").set("min-width", "0");
    FieldNames.at(document, problem.pointer()).ifPresent(field -> {
      Span where = new Span("Field: " + field);
      where.addClassName("problem-field");
      where.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xs)")
          .set("color", "var(--lumo-secondary-text-color)");
      text.add(where);
    });

    Div row = new Div(badge(problem), text);
    row.addClassName("problem-row");
    row.getElement().setAttribute("data-severity", problem.severity().name());
    row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "flex-start")
        .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
        .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
    if (problem.fix() != null) {
      Button fix = new Button("Fix: " + problem.fix().label(), e -> applyFix.accept(Fixes.apply(document, problem.fix())));
      fix.setId("problem-fix-" + index);
      fix.addClassName("problem-fix");
      fix.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
      fix.getStyle().set("flex", "0 0 auto").set("white-space", "normal").set("max-width", "16rem").set("height", "auto");
      row.add(fix);
    }
    return row;
  }

  /** The node the problem is about, by label, then type title, then id; for a connection, the node it leaves. */
  private static String nodeName(Problem problem, JsonNode document) {
    String nodeId = problem.nodeId() != null ? problem.nodeId() : edgeSource(problem.edgeId());
    if (nodeId == null) {
      return null;
    }
    for (JsonNode node : document.path("nodes")) {
      if (nodeId.equals(node.path("id").asString(null))) {
        return NodeNames.of(node);
      }
    }
    return null;
  }

  /** The node a connection leaves, from its key {@code from.port->to}; null for an edge with an id of its own. */
  private static String edgeSource(String edgeKey) {
    if (edgeKey == null || !edgeKey.contains("->")) {
      return null;
    }
    String from = edgeKey.substring(0, edgeKey.indexOf("->"));
    return from.contains(".") ? from.substring(0, from.lastIndexOf('.')) : null;
  }

  private static Span badge(Problem problem) {
    boolean error = problem.isError();
    Icon icon = (error ? VaadinIcon.CLOSE_CIRCLE : VaadinIcon.WARNING).create();
    icon.setSize("var(--lumo-icon-size-s)");
    Span badge = new Span(icon, new Span(error ? "Error" : "Warning"));
    badge.addClassName("problem-severity");
    badge.getStyle().set("flex", "0 0 auto").set("display", "inline-flex").set("align-items", "center").set("gap", "0.25em")
        .set("padding", "0.1em 0.5em").set("border-radius", "1em").set("font-size", "var(--lumo-font-size-xs)")
        .set("font-weight", "600").set("min-width", "5.5em")
        .set("background", error ? "var(--lumo-error-color-10pct)" : "#fff1c2")
        .set("color", error ? "var(--lumo-error-text-color)" : "#7a5200");
    return badge;
  }
}
