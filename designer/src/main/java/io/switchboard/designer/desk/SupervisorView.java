package io.switchboard.designer.desk;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.desk.AgentStatus;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.QueueStats;
import io.switchboard.runtime.routing.RoutingService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Queues and agents live, the queues' management, and what waits in them with the router's
 * explanation of each offer.
 */
@Menu(title = "Supervisor", order = 31, icon = "vaadin:dashboard")
@Route("desk/supervisor")
@PageTitle("Supervisor · Switchboard")
@RolesAllowed({Role.SUPERVISOR, Role.ADMIN})
@StyleSheet("styles/desk.css")
public class SupervisorView extends VerticalLayout {
  private final DeskService desk;
  private final DeskWorkspace workspace;
  private final DeskSessions sessions;
  private final UserAccounts users;
  private final Grid<QueueStats> queues = new Grid<>();
  private final Grid<AgentStatus> agents = new Grid<>();
  private final Div noQueues = new Div();
  private final Div noAgents = new Div();
  private final WaitingPanel waiting;
  private Registration live;

  public SupervisorView(DeskService desk, DeskWorkspace workspace, DeskSessions sessions, UserAccounts users,
      RoutingService routing) {
    this.desk = desk;
    this.waiting = new WaitingPanel(desk, routing);
    this.workspace = workspace;
    this.sessions = sessions;
    this.users = users;
    setSizeFull();

    HorizontalLayout head = DeskPanels.heading("Queues", "new-queue", "New queue", () -> edit(null));

    queues.setId("queue-grid");
    queues.addColumn(s -> s.queue().name()).setHeader("Queue").setAutoWidth(true);
    queues.addColumn(s -> s.queue().id()).setHeader("Id").setAutoWidth(true);
    queues.addColumn(QueueStats::waiting).setHeader("Waiting").setAutoWidth(true);
    queues.addColumn(s -> s.waiting() == 0 ? "—" : DeskTimes.duration(s.longestWaitSeconds())).setHeader("Longest wait")
        .setAutoWidth(true);
    queues.addColumn(s -> byState(s)).setHeader("Agents").setFlexGrow(1);
    queues.addComponentColumn(s -> {
      Button edit = new Button("Edit", e -> edit(s));
      edit.setId("edit-queue-" + s.queue().id());
      edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
      return edit;
    }).setAutoWidth(true).setFrozenToEnd(true);
    queues.setAllRowsVisible(true);
    queues.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    noQueues.setId("no-queues");
    noQueues.addClassName("sb-desk-empty");
    noQueues.setText("No queues yet. Create one with New queue, add agents to it, and name it in a flow's forward "
        + "step, script step or the trigger's default queue.");

    agents.setId("agent-grid");
    agents.addColumn(AgentStatus::username).setHeader("Agent").setAutoWidth(true);
    agents.addColumn(a -> DeskPanels.state(a.state())).setHeader("State").setAutoWidth(true);
    agents.addColumn(a -> DeskTimes.clock(a.stateSince()) + " (" + DeskTimes.duration((workspace.now() - a.stateSince())
        / 1000) + ")").setHeader("Since").setAutoWidth(true);
    agents.addColumn(a -> String.join(", ", a.queues())).setHeader("Queues").setAutoWidth(true);
    agents.addColumn(a -> a.interactions().stream().map(workspace::callerForSupervisor).collect(Collectors.joining(", ")))
        .setHeader("Working on").setFlexGrow(1);
    agents.setAllRowsVisible(true);
    agents.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    noAgents.setId("no-agents");
    noAgents.addClassName("sb-desk-empty");
    noAgents.setText("No agents yet. Give users the agent role in Administration and make them members of a queue; "
        + "they appear here once they open the desk.");

    VerticalLayout live = new VerticalLayout(head, noQueues, queues, new H3("Agents"), noAgents, agents);
    live.setPadding(false);
    live.addClassName("sb-supervisor-live");
    HorizontalLayout columns = new HorizontalLayout(live, waiting);
    columns.addClassName("sb-supervisor-columns");
    columns.setWidthFull();
    add(columns);
    setFlexGrow(1, columns);
  }

  private static String byState(QueueStats stats) {
    return stats.agentsByState().entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " " + DeskPanels.state(e.getKey()).toLowerCase()).collect(Collectors.joining(" · "));
  }

  private void edit(QueueStats stats) {
    new QueueDialog(stats == null ? null : stats.queue(), users.agentNames(), queue -> {
      desk.putQueue(queue);
      Notices.done("Queue " + queue.name() + " saved");
      refresh();
    }).open();
  }

  private void refresh() {
    List<QueueStats> q = desk.queues();
    queues.setItems(q);
    queues.setVisible(!q.isEmpty());
    noQueues.setVisible(q.isEmpty());
    List<AgentStatus> a = desk.agents();
    agents.setItems(a);
    agents.setVisible(!a.isEmpty());
    noAgents.setVisible(a.isEmpty());
    waiting.refresh(q.stream().collect(Collectors.toMap(s -> s.queue().id(), s -> s.queue().name())));
  }

  @Override
  protected void onAttach(AttachEvent event) {
    UI ui = event.getUI();
    AppLayout frame = findAncestor(AppLayout.class);
    if (frame != null) {
      frame.setDrawerOpened(false); // queues and agents beside what waits need the width
    }
    live = LiveRefresh.start(ui, sessions::watch, this::refresh);
    refresh();
  }

  @Override
  protected void onDetach(DetachEvent event) {
    live.remove();
  }
}
