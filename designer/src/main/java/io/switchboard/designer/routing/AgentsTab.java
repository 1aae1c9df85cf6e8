package io.switchboard.designer.routing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.switchboard.runtime.desk.AgentStatus;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.routing.Absence;
import io.switchboard.runtime.routing.AgentProfile;
import io.switchboard.runtime.routing.Region;
import io.switchboard.runtime.routing.RegionService;
import io.switchboard.runtime.routing.RoutingService;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import io.switchboard.designer.ui.EmptyState;
import java.util.Optional;

/** Every agent with what routing knows of them, and the dialog that edits it. */
final class AgentsTab extends VerticalLayout {
  private final RoutingService routing;
  private final RegionService regions;
  private final DeskService desk;
  private final RoutingChoices choices;
  private final String user;
  private final ZoneId zone;
  private final Grid<Row> grid = new Grid<>();
  private final EmptyState empty = new EmptyState("No agents yet — give users the agent role in Administration; they appear here "
      + "to be given skills, regions and substitutes.");
  private List<Region> tree = List.of();

  /** An agent as the grid shows them. */
  record Row(AgentProfile profile, String state, Optional<Absence> absence) {}

  AgentsTab(RoutingService routing, RegionService regions, DeskService desk, RoutingChoices choices, String user,
      ZoneId zone) {
    this.routing = routing;
    this.regions = regions;
    this.desk = desk;
    this.choices = choices;
    this.user = user;
    this.zone = zone;
    setSizeFull();
    setPadding(false);
    grid.setId("routing-agents");
    grid.addColumn(r -> r.profile().username()).setHeader("Agent").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(r -> RoutingText.skills(r.profile().skills())).setHeader("Skills").setFlexGrow(2);
    grid.addColumn(r -> RoutingText.regions(r.profile().regions(), tree)).setHeader("Regions").setFlexGrow(1);
    grid.addColumn(r -> RoutingText.capacity(r.profile().capacity())).setHeader("Capacity").setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(r -> String.join(", ", r.profile().substitutes())).setHeader("Substitutes").setFlexGrow(1);
    grid.addColumn(r -> r.absence().map(a -> RoutingText.absentUntil(a, zone)).orElse(r.state())).setHeader("Now")
        .setFlexGrow(1);
    grid.addComponentColumn(r -> {
      Button edit = new Button("Edit", e -> edit(r.profile()));
      edit.setId("edit-agent-" + r.profile().username());
      edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
      return edit;
    }).setAutoWidth(true).setFlexGrow(0);
    grid.setSizeFull();
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    empty.setId("routing-no-agents");
    empty.addClassName("sb-routing-empty");
    add(empty, grid);
  }

  void refresh() {
    tree = regions.tree().regions();
    Map<String, AgentProfile> profiles = routing.profiles();
    Map<String, AgentStatus> states = new java.util.HashMap<>();
    desk.agents().forEach(a -> states.put(a.username(), a));
    long now = System.currentTimeMillis();
    List<Row> rows = choices.agents().stream().map(name -> {
      AgentStatus status = states.get(name);
      AgentProfile profile = profiles.getOrDefault(name, new AgentProfile(name, Map.of(), List.of(),
          status == null ? Map.of() : status.capacity(), List.of()));
      Optional<Absence> absence = routing.absences(name).stream().filter(a -> a.covers(now)).findFirst();
      return new Row(profile, status == null ? "never signed in" : status.state().name().replace('_', ' '), absence);
    }).toList();
    grid.setItems(rows);
    grid.setVisible(!rows.isEmpty());
    empty.setVisible(rows.isEmpty());
  }

  private void edit(AgentProfile profile) {
    new AgentDialog(routing, choices, tree, profile, user, zone, this::refresh).open();
  }
}
