package io.switchboard.designer.tickets;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.security.Role;
import io.switchboard.runtime.tickets.Ticket;
import io.switchboard.runtime.tickets.TicketRepository;
import io.switchboard.runtime.tickets.TicketService;
import io.switchboard.runtime.tickets.TicketStatus;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import io.switchboard.designer.ui.EmptyState;
import java.util.Map;

/** The threads: filtered by queue, status, assignee and text, breached ones first, paged lazily from the service. */
@Menu(title = "Threads", order = 33, icon = "vaadin:envelopes")
@Route("threads")
@PageTitle("Threads · Switchboard")
@RolesAllowed({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
@StyleSheet("styles/tickets.css")
public class ThreadListView extends VerticalLayout {
  private static final int REFRESH_MILLIS = 5000;
  private static final String ME = "me";
  private static final String NOBODY = "nobody";
  private static final String ANYONE = "anyone";

  private final TicketService tickets;
  private final String user;
  private final ComboBox<String> queue = new ComboBox<>("Queue");
  private final Select<String> status = new Select<>();
  private final ComboBox<String> assignee = new ComboBox<>("Assignee");
  private final Checkbox overdue = new Checkbox("Overdue only");
  private final Checkbox openOnly = new Checkbox("Open only", true);
  private final TextField search = new TextField();
  private final Grid<Ticket> grid = new Grid<>();
  private final EmptyState empty;
  private final Span count = new Span();
  private Map<String, TicketStatus> statuses = Map.of();
  private Map<String, String> queues = Map.of();
  private Registration poll;

  public ThreadListView(TicketService tickets, TicketChoices choices, AuthenticationContext authentication) {
    this.tickets = tickets;
    this.user = authentication.getPrincipalName().orElse(null);
    setSizeFull();
    addClassName("sb-tickets");
    statuses = choices.statuses();
    queues = choices.queues();

    queue.setId("filter-queue");
    queue.setItems(queues.keySet());
    queue.setItemLabelGenerator(id -> queues.getOrDefault(id, id));
    queue.setPlaceholder("Any queue");
    queue.setClearButtonVisible(true);
    status.setLabel("Status");
    status.setId("filter-status");
    List<String> statusItems = new ArrayList<>();
    statusItems.add("");
    statusItems.addAll(statuses.keySet());
    status.setItems(statusItems);
    status.setItemLabelGenerator(id -> id.isEmpty() ? "Any status" : TicketTexts.status(statuses, id));
    status.setValue("");
    assignee.setId("filter-assignee");
    List<String> people = new ArrayList<>(List.of(ME, NOBODY, ANYONE));
    people.addAll(choices.people());
    assignee.setItems(people);
    assignee.setItemLabelGenerator(p -> switch (p) {
      case ME -> "Me";
      case NOBODY -> "Nobody";
      case ANYONE -> "Anyone";
      default -> p;
    });
    assignee.setValue(ANYONE);
    overdue.setId("filter-overdue");
    openOnly.setId("filter-open");
    search.setId("filter-text");
    search.setLabel("Search");
    search.setPlaceholder("#, subject, customer");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    Button newThread = new Button("New thread", VaadinIcon.PLUS.create(),
        e -> new NewThreadDialog(tickets, queues, user, opened -> open(opened.number())).open());
    newThread.setId("thread-new");
    empty = new EmptyState("", "New thread", e -> newThread.click());
    newThread.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    count.setId("thread-count");
    count.addClassName("sb-muted");
    com.vaadin.flow.component.html.H3 heading = new com.vaadin.flow.component.html.H3("Threads");
    heading.getStyle().set("margin", "0");
    HorizontalLayout top = new HorizontalLayout(heading, count, newThread);
    top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    top.setWidthFull();
    top.setFlexGrow(1, count);
    search.setWidth("13rem");
    queue.setWidth("9.5rem");
    status.setWidth("9.5rem");
    assignee.setWidth("9.5rem");
    HorizontalLayout filters = new HorizontalLayout(search, queue, status, assignee, overdue, openOnly);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWidthFull();
    filters.getStyle().set("flex-wrap", "wrap");
    queue.addValueChangeListener(e -> refresh());
    status.addValueChangeListener(e -> refresh());
    assignee.addValueChangeListener(e -> refresh());
    overdue.addValueChangeListener(e -> refresh());
    openOnly.addValueChangeListener(e -> refresh());
    search.addValueChangeListener(e -> refresh());

    grid.setId("threads");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(t -> TicketTexts.number(t.number())).setHeader("#").setWidth("4.5rem").setFlexGrow(0);
    grid.addColumn(Ticket::subject).setHeader("Subject").setWidth("10rem").setFlexGrow(3).setTooltipGenerator(Ticket::subject);
    grid.addColumn(t -> t.customer() == null ? "—" : t.customer().displayName()).setHeader("Customer").setWidth("8rem").setFlexGrow(0)
        .setTooltipGenerator(t -> t.customer() == null ? null : t.customer().displayName());
    grid.addColumn(t -> t.queue() == null ? "—" : queues.getOrDefault(t.queue(), t.queue())).setHeader("Queue")
        .setWidth("6.5rem").setFlexGrow(0); // the subject takes what is left: it is what a person scans for
    grid.addColumn(t -> t.assignee() == null ? "Nobody" : t.assignee()).setHeader("Assignee").setWidth("5.5rem").setFlexGrow(0);
    grid.addColumn(t -> TicketTexts.priority(t.priority())).setHeader("Priority").setWidth("5rem").setFlexGrow(0);
    grid.addColumn(t -> TicketTexts.status(statuses, t.status())).setHeader("Status").setWidth("6.5rem").setFlexGrow(0);
    grid.addComponentColumn(t -> TicketTexts.slaBadge(t, resolves(t.status()), choices.now()))
        .setHeader("SLA").setWidth("12.5rem").setFlexGrow(0).setTooltipGenerator(t -> t.sla() != null && t.sla().breach() != null ? "Breached · " + t.sla().breach() : null);
    grid.addComponentColumn(t -> TicketTexts.when(t.updatedAt(), choices.now())).setHeader("Updated")
        .setWidth("6rem").setFlexGrow(0);
    grid.setPageSize(50);
    grid.addItemClickListener(e -> open(e.getItem().number()));
    grid.setSizeFull();

    empty.setId("threads-empty");
    empty.addClassName("sb-empty");
    add(top, filters, grid, empty);
    setFlexGrow(1, grid);
  }

  private boolean resolves(String statusId) {
    TicketStatus s = statuses.get(statusId);
    return s != null && s.resolves();
  }

  private void open(long number) {
    getUI().ifPresent(ui -> ui.navigate("threads/" + number));
  }

  private TicketRepository.Filter filter(int limit, int offset) {
    String who = assignee.getValue() == null ? ANYONE : assignee.getValue();
    String assigned = switch (who) {
      case ME -> user;
      case NOBODY -> "-";
      case ANYONE -> null;
      default -> who;
    };
    String statusId = status.getValue() == null || status.getValue().isEmpty() ? null : status.getValue();
    String text = search.getValue() == null || search.getValue().isBlank() ? null : search.getValue();
    return new TicketRepository.Filter(queue.getValue(), statusId, assigned, overdue.getValue(), text,
        openOnly.getValue(), limit, offset);
  }

  private void refresh() {
    int total = tickets.list(filter(1, 0)).total();
    count.setText(total == 1 ? "1 thread" : total + " threads");
    grid.setItems(query -> tickets.list(filter(query.getLimit(), query.getOffset())).threads().stream(),
        query -> tickets.list(filter(1, 0)).total());
    boolean none = total == 0;
    grid.setVisible(!none);
    empty.setVisible(none);
    if (none) {
      boolean filtered = queue.getValue() != null || !status.getValue().isEmpty() || !ANYONE.equals(assignee.getValue())
          || overdue.getValue() || !search.getValue().isBlank();
      empty.sentence(filtered ? "No threads match these filters. Clear a filter, or open a new thread."
          : "No open threads. E-mails to a mailbox and flows' ticket steps open them here — or open one with “New thread”.");
    }
  }

  /** Live view: every few seconds the visible page reloads (one page query and one count), keeping the scroll. */
  @Override
  protected void onAttach(AttachEvent event) {
    refresh();
    event.getUI().setPollInterval(REFRESH_MILLIS);
    poll = event.getUI().addPollListener(e -> {
      int total = tickets.list(filter(1, 0)).total();
      if (total == 0 || grid.isVisible() != (total > 0)) {
        refresh();
      } else {
        count.setText(total == 1 ? "1 thread" : total + " threads");
        grid.getDataProvider().refreshAll();
      }
    });
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (poll != null) {
      poll.remove();
      event.getUI().setPollInterval(-1);
    }
  }
}
