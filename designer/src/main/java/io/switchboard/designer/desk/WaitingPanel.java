package io.switchboard.designer.desk;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.Priorities;
import io.switchboard.runtime.desk.WaitingInteraction;
import io.switchboard.runtime.routing.RoutingService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The interactions waiting in queues, next to be offered first, and for the one selected how the
 * router decided: the step that applied, the caller's region, and each agent considered — chosen,
 * or why they were passed over.
 */
final class WaitingPanel extends VerticalLayout {
  private static final int SHOWN = 200;

  private final DeskService desk;
  private final RoutingService routing;
  private final Grid<WaitingInteraction> grid = new Grid<>();
  private final Div empty = new Div();
  private final Div decision = new Div();
  private final Grid<Verdict> verdicts = new Grid<>();
  private List<WaitingInteraction> shown = List.of();
  private Map<String, String> queueNames = Map.of();
  private String selected;
  private String decisionShown;

  /** One agent the router considered, in words. */
  record Verdict(String agent, String verdict) {}

  WaitingPanel(DeskService desk, RoutingService routing) {
    this.desk = desk;
    this.routing = routing;
    setId("waiting-panel");
    setPadding(false);
    addClassName("sb-supervisor-waiting");

    grid.setId("waiting-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.addColumn(w -> queueNames.getOrDefault(w.queueId(), w.queueId())).setHeader("Queue").setAutoWidth(true)
        .setSortable(true);
    grid.addColumn(WaitingInteraction::caller).setHeader("Caller").setAutoWidth(true);
    grid.addColumn(WaitingInteraction::channel).setHeader("Channel").setAutoWidth(true);
    grid.addColumn(w -> Priorities.name(w.priority())).setHeader("Priority").setAutoWidth(true);
    grid.addColumn(w -> DeskTimes.clock(w.waitingSince())).setHeader("Since").setAutoWidth(true);
    grid.addColumn(w -> w.offeredTo() == null ? "—" : w.offeredTo()).setHeader("Offered to").setAutoWidth(true);
    grid.setHeight("220px");
    grid.getStyle().set("flex", "none");
    grid.addSelectionListener(e -> {
      if (e.isFromClient()) {
        selected = e.getFirstSelectedItem().map(WaitingInteraction::interactionId).orElse(null);
        showDecision();
      }
    });
    empty.setId("no-waiting");
    empty.addClassName("sb-desk-empty");
    empty.setText("Nobody is waiting. Interactions appear here while they wait in a queue; select one to see why the "
        + "router offered it to an agent, or why to nobody.");

    decision.setId("routing-decision");
    verdicts.setId("routing-verdicts");
    verdicts.addThemeVariants(GridVariant.LUMO_COMPACT);
    verdicts.addColumn(Verdict::agent).setHeader("Agent").setAutoWidth(true);
    verdicts.addColumn(Verdict::verdict).setHeader("Decision").setFlexGrow(1);
    verdicts.setAllRowsVisible(true);
    verdicts.setVisible(false);
    add(new H3("Waiting"), empty, grid, decision, verdicts);
  }

  /** Reads the waiting interactions again; the queue column names each queue. */
  void refresh(Map<String, String> queueNames) {
    this.queueNames = queueNames;
    List<WaitingInteraction> now = desk.waiting(SHOWN);
    empty.setVisible(now.isEmpty());
    grid.setVisible(!now.isEmpty());
    if (!now.equals(shown)) {
      shown = now;
      grid.setItems(now);
      if (now.stream().noneMatch(w -> w.interactionId().equals(selected))) {
        selected = now.isEmpty() ? null : now.getFirst().interactionId();
      }
      now.stream().filter(w -> w.interactionId().equals(selected)).findFirst().ifPresent(grid::select);
    }
    showDecision();
  }

  @SuppressWarnings("unchecked")
  private void showDecision() {
    List<Map<String, Object>> decisions = selected == null ? List.of()
        : (List<Map<String, Object>>) routing.routing(selected).getOrDefault("decisions", List.of());
    String signature = selected + "|" + decisions.size();
    if (signature.equals(decisionShown)) {
      return;
    }
    decisionShown = signature;
    decision.removeAll();
    if (selected == null) {
      verdicts.setVisible(false);
      return;
    }
    if (decisions.isEmpty()) {
      decision.add(DeskPanels.muted("Not routed yet: no agent of the queue was free to consider."));
      verdicts.setVisible(false);
      return;
    }
    Map<String, Object> latest = decisions.getLast();
    Function<String, String> value = key -> Objects.toString(latest.get(key), "—");
    Span facts = new Span("Step: " + value.apply("step") + " · caller's region: " + value.apply("callerRegion")
        + (decisions.size() > 1 ? " · latest of " + decisions.size() + " decisions" : ""));
    facts.setId("routing-facts");
    Span outcome = new Span(latest.get("chosen") == null ? "Offered to nobody: " + value.apply("reason")
        : "Offered to " + latest.get("chosen") + ": " + value.apply("reason"));
    outcome.addClassName("sb-desk-value");
    decision.add(new H3("Why it went where it went"), new Div(outcome), new Div(facts));
    List<Verdict> rows = new ArrayList<>();
    for (Map<String, Object> considered : (List<Map<String, Object>>) latest.getOrDefault("considered", List.of())) {
      String agent = String.valueOf(considered.get("agent"));
      Object excluded = considered.get("excluded");
      rows.add(new Verdict(agent, excluded != null ? "excluded because " + excluded
          : agent.equals(latest.get("chosen")) ? "chosen" : "not reached (an agent before was chosen)"));
    }
    verdicts.setItems(rows);
    verdicts.setVisible(!rows.isEmpty());
  }
}
