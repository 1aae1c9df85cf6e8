package io.switchboard.designer.tickets;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.security.Role;
import io.switchboard.runtime.mail.MailboxService;
import io.switchboard.runtime.service.FlowService;
import io.switchboard.runtime.tickets.TicketService;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ticketing set-up for admins: statuses, SLA targets, business hours, templates, snippets and mailboxes. */
@Menu(title = "Ticketing", order = 91, icon = "vaadin:cogs")
@Route("admin/ticketing")
@PageTitle("Ticketing · Switchboard")
@RolesAllowed(Role.ADMIN)
@StyleSheet("styles/tickets.css")
public class TicketingAdminView extends VerticalLayout {
  private final Map<Tab, Runnable> refreshers = new LinkedHashMap<>();
  private final TabSheet tabs = new TabSheet();

  public TicketingAdminView(TicketService tickets, MailboxService mailboxes, FlowService flows, TicketChoices choices,
      AuthenticationContext authentication) {
    String user = authentication.getPrincipalName().orElse(null);
    setSizeFull();
    addClassName("sb-ticketing");
    StatusesTab statuses = new StatusesTab(tickets);
    TargetsTab targets = new TargetsTab(tickets);
    HoursTab hours = new HoursTab(tickets);
    TemplatesTab templates = new TemplatesTab(tickets, user);
    SnippetsTab snippets = new SnippetsTab(tickets, user);
    MailboxesTab boxes = new MailboxesTab(mailboxes, flows, choices);
    tab("Statuses", "tab-statuses", statuses, statuses::refresh);
    tab("SLA targets", "tab-targets", targets, targets::refresh);
    tab("Business hours", "tab-hours", hours, hours::refresh);
    tab("Templates", "tab-templates", templates, templates::refresh);
    tab("Snippets", "tab-snippets", snippets, snippets::refresh);
    tab("Mailboxes", "tab-mailboxes", boxes, boxes::refresh);
    tabs.setId("ticketing-tabs");
    tabs.setSizeFull();
    tabs.addSelectedChangeListener(e -> refreshers.get(e.getSelectedTab()).run());
    add(tabs);
  }

  private void tab(String label, String id, Component content, Runnable refresh) {
    Tab tab = tabs.add(label, content);
    tab.setId(id);
    refreshers.put(tab, refresh);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    refreshers.get(tabs.getSelectedTab()).run();
  }
}
