package io.switchboard.designer.tickets;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.security.Role;
import io.switchboard.runtime.service.NotFoundException;
import io.switchboard.runtime.tickets.Customer;
import io.switchboard.runtime.tickets.Ticket;
import io.switchboard.runtime.tickets.TicketService;
import io.switchboard.runtime.tickets.TicketStatus;
import io.switchboard.runtime.tickets.TimelineEntry;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One thread: who it is about, its status, assignee, priority and queue (each change goes to the
 * timeline), the timeline as cards, and the reply composer beside it. The page never scrolls; the
 * timeline does.
 */
@Route("threads/:number")
@PageTitle("Thread · Switchboard")
@RolesAllowed({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
@StyleSheet("styles/tickets.css")
public class ThreadView extends VerticalLayout implements BeforeEnterObserver {
  private static final int REFRESH_MILLIS = 5000;
  private final TicketService tickets;
  private final TicketChoices choices;
  private final String user;
  private final Map<String, TicketStatus> statuses;
  private final Map<String, String> queues;
  private final H3 title = new H3();
  private final Div customer = new Div();
  private final Span sla = new Span();
  private final Select<String> status = new Select<>();
  private final ComboBox<String> assignee = new ComboBox<>("Assignee");
  private final Button take = new Button("Take it");
  private final Select<String> priority = new Select<>();
  private final ComboBox<String> queue = new ComboBox<>("Queue");
  private final Div timeline = new Div();
  private final ReplyComposer composer;
  private final Div missing = new Div();
  private final HorizontalLayout body;
  private Ticket thread;
  private String shownTimeline = "";
  private Registration poll;

  public ThreadView(TicketService tickets, TicketChoices choices, AuthenticationContext authentication) {
    this.tickets = tickets;
    this.choices = choices;
    this.user = authentication.getPrincipalName().orElse(null);
    this.statuses = choices.statuses();
    this.queues = choices.queues();
    setSizeFull();
    addClassName("sb-thread");
    setSpacing(false);
    title.setId("thread-title");
    customer.setId("thread-customer");
    customer.addClassName("sb-muted");
    sla.setId("thread-sla");
    Anchor back = new Anchor("threads", "← Threads");
    back.addClassName("sb-back");
    HorizontalLayout titleRow = new HorizontalLayout(back, title, sla);
    titleRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

    status.setLabel("Status");
    status.setId("thread-status");
    status.setItems(statuses.keySet());
    status.setItemLabelGenerator(id -> TicketTexts.status(statuses, id));
    status.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        patch(new TicketService.Patch(e.getValue(), null, null, null, null));
      }
    });
    List<String> people = new ArrayList<>(choices.people());
    assignee.setId("thread-assignee");
    assignee.setItems(people);
    assignee.setPlaceholder("Nobody");
    assignee.setClearButtonVisible(true);
    assignee.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        patch(new TicketService.Patch(null, e.getValue() == null ? "" : e.getValue(), null, null, null));
      }
    });
    take.setId("thread-take");
    take.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    take.addClickListener(e -> patch(new TicketService.Patch(null, user, null, null, null)));
    priority.setLabel("Priority");
    priority.setId("thread-priority");
    priority.setItems(TicketService.PRIORITIES);
    priority.setItemLabelGenerator(TicketTexts::priority);
    priority.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        patch(new TicketService.Patch(null, null, e.getValue(), null, null));
      }
    });
    queue.setId("thread-queue");
    queue.setItems(queues.keySet());
    queue.setItemLabelGenerator(id -> queues.getOrDefault(id, id));
    queue.setPlaceholder("No queue");
    queue.setWidth("15rem");
    queue.setClearButtonVisible(true);
    queue.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        patch(new TicketService.Patch(null, null, null, e.getValue() == null ? "" : e.getValue(), null));
      }
    });
    HorizontalLayout controls = new HorizontalLayout(status, assignee, take, priority, queue);
    controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    Div header = new Div(titleRow, customer, controls);
    header.addClassName("sb-thread-header");

    timeline.setId("timeline");
    timeline.addClassName("sb-timeline");
    composer = new ReplyComposer(tickets, user, statuses, () -> show(true));
    body = new HorizontalLayout(timeline, composer);
    body.addClassName("sb-thread-body");
    body.setSizeFull();
    body.setFlexGrow(1, timeline);
    missing.setId("thread-missing");
    missing.addClassName("sb-empty");
    missing.setVisible(false);
    add(header, body, missing);
    setFlexGrow(1, body);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String key = event.getRouteParameters().get("number").orElse("");
    try {
      thread = tickets.threadByKey(key);
    } catch (NotFoundException gone) {
      thread = null;
    }
    if (thread == null) {
      missing.setText("There is no thread " + (key.matches("\\d+") ? "#" + key : "“" + key + "”")
          + ". Go back to the threads and search by number, subject or customer.");
      missing.add(new Div(new Anchor("threads", "Back to the threads")));
      missing.setVisible(true);
      body.setVisible(false);
      return;
    }
    shownTimeline = "";
    show(true);
  }

  private void patch(TicketService.Patch patch) {
    tickets.patch(thread.id(), patch, user);
    show(false);
  }

  private void show(boolean freshComposer) {
    if (thread == null) {
      return;
    }
    TicketService.ThreadView view = tickets.view(thread.id());
    thread = view.thread();
    long now = choices.now();
    title.setText(TicketTexts.number(thread.number()) + " " + thread.subject());
    getUI().ifPresent(ui -> ui.getPage().setTitle(TicketTexts.number(thread.number()) + " " + thread.subject()
        + " · Switchboard"));
    customer.setText(customerLine(thread.customer()));
    TicketStatus current = statuses.get(thread.status());
    Span badge = TicketTexts.slaBadge(thread, current != null && current.resolves(), now);
    sla.setText(badge.getText());
    sla.setClassName(String.join(" ", badge.getClassNames()));
    sla.setTitle(badge.getTitle().orElse(null));
    status.setValue(thread.status());
    assignee.setValue(thread.assignee());
    take.setVisible(user != null && !user.equals(thread.assignee()));
    priority.setValue(thread.priority());
    queue.setValue(thread.queue());
    String fingerprint = view.timeline().size() + ":" + view.timeline().stream()
        .map(e -> e.id() + (e.delivery() == null ? "" : e.delivery().status())).reduce("", String::concat);
    if (!fingerprint.equals(shownTimeline)) {
      shownTimeline = fingerprint;
      drawTimeline(view.timeline(), now);
    }
    composer.show(thread, freshComposer);
  }

  private void drawTimeline(List<TimelineEntry> entries, long now) {
    timeline.removeAll();
    if (entries.isEmpty()) {
      Div none = new Div("Nothing here yet. Write the customer a reply or add an internal note.");
      none.addClassName("sb-empty");
      timeline.add(none);
      return;
    }
    TimelineCards cards = new TimelineCards(tickets, thread.id(), statuses, queues, now);
    entries.forEach(e -> timeline.add(cards.card(e)));
    timeline.getElement().executeJs("this.scrollTop = this.scrollHeight");
  }

  private static String customerLine(Customer customer) {
    if (customer == null) {
      return "No customer known yet";
    }
    List<String> parts = new ArrayList<>();
    parts.add(customer.displayName());
    customer.emails().stream().filter(e -> !e.equals(customer.displayName())).forEach(parts::add);
    customer.phones().stream().filter(p -> !p.equals(customer.displayName())).forEach(parts::add);
    return String.join(" · ", parts);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    event.getUI().setPollInterval(REFRESH_MILLIS);
    poll = event.getUI().addPollListener(e -> show(false));
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (poll != null) {
      poll.remove();
      event.getUI().setPollInterval(-1);
    }
  }
}
