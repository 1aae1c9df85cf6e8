package io.switchboard.designer.tickets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.tickets.Ticket;
import io.switchboard.runtime.tickets.TicketRepository;
import io.switchboard.runtime.tickets.TicketService;
import java.util.List;

/**
 * The desk's "Case" area for the interaction at hand: the threads it belongs to (each a link to the
 * thread), attaching it to a thread found by number or subject, and opening a new thread for it.
 */
public final class CasePanel extends VerticalLayout {
  private final TicketService tickets;
  private final String user;
  private final Div threads = new Div();
  private final ComboBox<Ticket> find = new ComboBox<>();
  private final Button attach = new Button("Attach");
  private final Button open = new Button("Open a thread");
  private String interactionId;
  private String caller;

  public CasePanel(TicketService tickets, String user) {
    this.tickets = tickets;
    this.user = user;
    setId("case");
    addClassNames("sb-desk-area", "sb-desk-case");
    // small beside the notes and the history: as tall as its content, never more than a third of the column
    getStyle().set("flex", "0 0 auto").set("max-height", "33%");
    setPadding(false);
    setSpacing(false);
    threads.setId("case-threads");
    find.setId("case-find");
    find.setPlaceholder("Find a thread: # or subject");
    find.setWidthFull();
    find.setItemLabelGenerator(t -> TicketTexts.number(t.number()) + " " + t.subject());
    find.setItems(query -> {
      String text = query.getFilter().orElse("");
      return tickets.list(new TicketRepository.Filter(null, null, null, false, text.isBlank() ? null : text, true,
          query.getLimit(), query.getOffset())).threads().stream();
    });
    attach.setId("case-attach");
    attach.addClickListener(e -> {
      if (find.getValue() != null && interactionId != null) {
        Ticket chosen = find.getValue();
        Notices.attempt(() -> tickets.attachInteraction(chosen.id(), interactionId, user),
            "Attached to " + TicketTexts.number(chosen.number()));
        find.clear();
        draw();
      }
    });
    open.setId("case-open");
    open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    open.addClickListener(e -> openDialog());
    HorizontalLayout attachRow = new HorizontalLayout(find, attach);
    attachRow.setWidthFull();
    attachRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    attachRow.setFlexGrow(1, find);
    add(new H4("Case"), threads, attachRow, open);
    show(null, null);
  }

  /** Shows the case of this interaction (null: none at hand). */
  public void show(String interactionId, String caller) {
    this.interactionId = interactionId;
    this.caller = caller;
    draw();
  }

  private void draw() {
    threads.removeAll();
    boolean here = interactionId != null;
    find.setEnabled(here);
    attach.setEnabled(here);
    open.setEnabled(here);
    if (!here) {
      threads.add(muted("The interaction's threads appear here."));
      return;
    }
    List<Ticket> of = tickets.threadsOf(interactionId);
    if (of.isEmpty()) {
      threads.add(muted("Not in a thread yet: attach it to one, or open a thread for it."));
    }
    for (Ticket t : of) {
      Anchor link = new Anchor("threads/" + t.number(), TicketTexts.number(t.number()) + " " + t.subject());
      link.setTarget(AnchorTarget.BLANK);
      link.addClassName("sb-case-thread");
      threads.add(new Div(link));
    }
  }

  private void openDialog() {
    Dialog dialog = new Dialog("Open a thread for this interaction");
    TextField subject = new TextField("Subject");
    subject.setId("case-subject");
    subject.setWidthFull();
    subject.setValue(caller == null ? "" : "Call from " + caller);
    Select<String> priority = new Select<>();
    priority.setLabel("Priority");
    priority.setItems(TicketService.PRIORITIES);
    priority.setItemLabelGenerator(TicketTexts::priority);
    priority.setValue("normal");
    Refusals refusals = new Refusals().field("subject", subject);
    dialog.add(new VerticalLayout(subject, priority, refusals.line()));
    dialog.setWidth("480px");
    Button create = new Button("Open thread", e -> {
      String phone = caller != null && TicketTexts.looksLikePhone(caller) ? caller : null;
      String email = caller != null && caller.contains("@") ? caller : null;
      Ticket opened = refusals.attemptGet(() -> tickets.openFor(interactionId, new TicketService.NewThread(
          subject.getValue(), null, email, phone, null, priority.getValue(), null, null), user));
      if (opened != null) {
        dialog.close();
        Notices.done("Thread " + TicketTexts.number(opened.number()) + " opened");
        draw();
      }
    });
    create.setId("case-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
    dialog.open();
  }

  private static Span muted(String text) {
    Span span = new Span(text);
    span.addClassName("sb-desk-muted");
    return span;
  }
}
