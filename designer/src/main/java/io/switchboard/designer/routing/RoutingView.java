package io.switchboard.designer.routing;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.security.Role;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.routing.RegionService;
import io.switchboard.runtime.routing.RoutingService;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Routing for supervisors: agents' skills and absences, the region tree and its hours, queue substitutes, what-if. */
@Menu(title = "Routing", order = 32, icon = "vaadin:sitemap")
@Route("routing")
@PageTitle("Routing · Switchboard")
@RolesAllowed({Role.SUPERVISOR, Role.ADMIN})
@StyleSheet("styles/routing.css")
public class RoutingView extends VerticalLayout {
  private final Map<Tab, Runnable> refreshers = new LinkedHashMap<>();
  private final TabSheet tabs = new TabSheet();

  public RoutingView(RoutingService routing, RegionService regions, DeskService desk, RoutingChoices choices,
      AuthenticationContext authentication) {
    String user = authentication.getPrincipalName().orElse(null);
    ZoneId zone = ZoneId.systemDefault();
    setSizeFull();
    addClassName("sb-routing");
    AgentsTab agents = new AgentsTab(routing, regions, desk, choices, user, zone);
    RegionsTab tree = new RegionsTab(regions, routing, user, zone);
    QueuesTab queues = new QueuesTab(desk, routing, choices);
    SimulatorTab simulator = new SimulatorTab(routing, desk, regions, choices);
    tab("Agents", "tab-agents", agents, agents::refresh);
    tab("Regions", "tab-regions", tree, tree::refresh);
    tab("Queue substitutes", "tab-queues", queues, queues::refresh);
    tab("What-if", "tab-simulator", simulator, simulator::refresh);
    tabs.setId("routing-tabs");
    tabs.setSizeFull();
    tabs.addSelectedChangeListener(e -> refreshers.get(e.getSelectedTab()).run());
    add(tabs);
  }

  private void tab(String label, String id, com.vaadin.flow.component.Component content, Runnable refresh) {
    Tab tab = tabs.add(label, content);
    tab.setId(id);
    refreshers.put(tab, refresh);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    refreshers.get(tabs.getSelectedTab()).run();
  }
}
