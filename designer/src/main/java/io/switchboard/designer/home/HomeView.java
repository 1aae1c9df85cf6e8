package io.switchboard.designer.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.flows.FlowListView;
import io.switchboard.designer.flows.FlowSummaries;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.designer.ui.EmptyState;
import io.switchboard.designer.ui.Texts;
import io.switchboard.runtime.mail.MailboxService;
import io.switchboard.runtime.model.FlowDraft;
import io.switchboard.runtime.model.UserAccount;
import io.switchboard.runtime.service.DataStepService;
import io.switchboard.runtime.service.FlowService;
import io.switchboard.runtime.tickets.TicketRepository;
import io.switchboard.runtime.tickets.TicketService;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.dao.DataAccessException;

/**
 * The landing page: one block per role whose screens the user may open (an admin opens all but the
 * desk's), each with what that role does next — a
 * designer's recent flows, an integrator's data steps, an agent's workspace, a supervisor's views,
 * an admin's users and the state of the database and mailboxes.
 */
@Menu(title = "Home", order = 10, icon = "vaadin:home")
@Route("")
@PermitAll
@PageTitle("Switchboard")
public class HomeView extends VerticalLayout {
  private static final int RECENT = 5;

  private final AuthenticationContext authentication;
  private final Instant now = Instant.now();

  public HomeView(AuthenticationContext authentication, UserAccounts accounts, FlowService flows,
      DataStepService dataSteps, TicketService tickets, MailboxService mailboxes) {
    this.authentication = authentication;
    String user = authentication.getPrincipalName().orElse("");
    H1 greeting = new H1("Welcome, " + accounts.shownName(user));
    greeting.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("margin", "0");
    FlexLayout blocks = new FlexLayout();
    blocks.setId("home-blocks");
    blocks.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    blocks.getStyle().set("gap", "var(--lumo-space-m)");
    blocks.setWidthFull();
    // an admin may open the designers', integrators' and supervisors' screens too, so their blocks show;
    // the desk's block is for those who take interactions
    boolean admin = has(Role.ADMIN);
    if (has(Role.DESIGNER) || admin) {
      blocks.add(designer(flows));
    }
    if (has(Role.INTEGRATOR) || admin) {
      blocks.add(integrator(dataSteps));
    }
    if (has(Role.AGENT)) {
      blocks.add(agent(tickets, user));
    }
    if (has(Role.SUPERVISOR) || admin) {
      blocks.add(block("home-supervisor", "Supervision", new Paragraph("Watch queues and agents live, and set how "
          + "interactions are routed."), links(link("Supervisor view", "desk/supervisor"), link("Routing", "routing"),
          link("Call lists", "desk/call-lists"))));
    }
    if (admin) {
      blocks.add(admin(accounts, mailboxes));
    }
    add(greeting, new Paragraph("Orchestrating customer contact: flows, interactions, agents and cases."), blocks);
  }

  private boolean has(String role) {
    return authentication.hasRole(role);
  }

  private Component designer(FlowService flows) {
    List<FlowDraft> recent = flows.list().stream().sorted(Comparator.comparingLong(FlowDraft::updatedAt).reversed())
        .limit(RECENT).toList();
    VerticalLayout rows = new VerticalLayout();
    rows.setPadding(false);
    rows.setSpacing(false);
    rows.setId("home-recent-flows");
    for (FlowDraft draft : recent) {
      FlowSummaries.Summary summary = FlowSummaries.of(draft, flows);
      Anchor name = new Anchor("flows/" + draft.id(), draft.name());
      Span detail = secondary(summary.state() + " · " + summary.errors() + " · changed "
          + Texts.ago(Instant.ofEpochMilli(draft.updatedAt()), now));
      rows.add(new Div(name, new Div(detail)));
    }
    Button create = navigate("New flow", "flows", FlowListView.CREATE, "flow");
    create.setId("home-new-flow");
    create.addThemeVariants(ButtonVariant.PRIMARY);
    Button template = navigate("New from template", "flows", FlowListView.CREATE, "template");
    template.setId("home-new-from-template");
    Component list = recent.isEmpty() ? new EmptyState("You have no flows yet; start with an empty one or a template.")
        : rows;
    return block("home-designer", "Flows", new Paragraph("Recently changed:"), list,
        new HorizontalLayout(create, template), links(link("All flows", "flows")));
  }

  private Component integrator(DataStepService dataSteps) {
    List<DataStepService.StepView> steps = dataSteps.list();
    VerticalLayout rows = new VerticalLayout();
    rows.setPadding(false);
    rows.setSpacing(false);
    steps.stream().sorted(Comparator.comparingLong(DataStepService.StepView::updatedAt).reversed()).limit(RECENT)
        .forEach(step -> rows.add(new Div(new Span(step.definition().name() == null ? step.definition().id()
            : step.definition().name()), new Div(secondary("changed " + Texts.ago(Instant.ofEpochMilli(step.updatedAt()),
                now) + (step.updatedBy() == null ? "" : " by " + step.updatedBy()))))));
    Component list = steps.isEmpty() ? new EmptyState("No data steps yet; import them from an OpenAPI document "
        + "or write one in Integrations.") : rows;
    return block("home-integrator", "Data steps", new Paragraph(capitalized(Texts.count(steps.size(), "data step"))
        + " that flows can call."), list, links(link("Open Integrations", "integrations")));
  }

  private Component agent(TicketService tickets, String user) {
    int mine = tickets.list(new TicketRepository.Filter(null, null, user, false, null, true, 1, 0)).total();
    int overdue = tickets.list(new TicketRepository.Filter(null, null, user, true, null, true, 1, 0)).total();
    Button desk = navigate("Open the desk", "desk", null, null);
    desk.setId("home-open-desk");
    desk.addThemeVariants(ButtonVariant.PRIMARY);
    String threads = capitalized(Texts.count(mine, "open thread")) + " assigned to you"
        + (overdue > 0 ? ", " + overdue + " overdue." : ".");
    return block("home-agent", "Your workspace", new Paragraph("Take calls, messages and e-mails as they are offered "
        + "to you at the desk."), new Paragraph(threads), new HorizontalLayout(desk), links(link("Threads", "threads"),
        link("Knowledge", "knowledge")));
  }

  private Component admin(UserAccounts accounts, MailboxService mailboxes) {
    String database;
    List<UserAccount> users = List.of();
    long started = System.nanoTime();
    try {
      users = accounts.list();
      database = "Database answers (" + (System.nanoTime() - started) / 1_000_000 + " ms).";
    } catch (DataAccessException down) {
      database = "The database does not answer; the server log has the details.";
    }
    long disabled = users.stream().filter(u -> !u.enabled()).count();
    String people = capitalized(Texts.count(users.size(), "user")) + (disabled > 0 ? ", " + disabled + " disabled." : ".");
    List<MailboxService.View> boxes = mailboxes.list();
    long failing = boxes.stream().filter(b -> b.lastError() != null).count();
    String mail = boxes.isEmpty() ? "No mailboxes are polled."
        : failing == 0 ? capitalized(Texts.count(boxes.size(), "mailbox", "mailboxes")) + " polled without errors."
        : failing + " of " + Texts.count(boxes.size(), "mailbox", "mailboxes") + " failed at the last poll.";
    Paragraph health = new Paragraph(database + " " + mail);
    health.setId("home-health");
    Paragraph count = new Paragraph(people);
    count.setId("home-user-count");
    return block("home-admin", "Users and health", count, health, links(link("Manage users", "admin"),
        link("Ticketing settings", "admin/ticketing")));
  }

  private static VerticalLayout block(String id, String title, Component... content) {
    VerticalLayout block = new VerticalLayout();
    block.setId(id);
    block.add(new H3(title));
    block.add(content);
    block.setWidth("26rem");
    block.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
        .set("background", "var(--lumo-base-color)").set("box-shadow", "var(--lumo-box-shadow-xs)");
    return block;
  }

  private static Button navigate(String text, String path, String parameter, String value) {
    return new Button(text, e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(path,
        parameter == null ? QueryParameters.empty() : QueryParameters.of(parameter, value))));
  }

  private static HorizontalLayout links(Anchor... links) {
    return new HorizontalLayout(links);
  }

  private static Anchor link(String text, String path) {
    return new Anchor(path, text);
  }

  private static Span secondary(String text) {
    Span span = new Span(text);
    span.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
    return span;
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
