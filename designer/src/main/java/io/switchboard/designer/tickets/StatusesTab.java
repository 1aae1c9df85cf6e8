package io.switchboard.designer.tickets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.tickets.TicketService;
import io.switchboard.runtime.tickets.TicketStatus;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The statuses a thread moves through, each with how long a thread may stay in it per priority. */
final class StatusesTab extends VerticalLayout {
  private final TicketService tickets;
  private final Grid<TicketStatus> grid = new Grid<>();

  StatusesTab(TicketService tickets) {
    this.tickets = tickets;
    setSizeFull();
    Button add = new Button("New status", VaadinIcon.PLUS.create(), e -> edit(null));
    add.setId("status-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    grid.setId("statuses");
    grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_COMPACT);
    grid.addColumn(TicketStatus::label).setHeader("Label").setWidth("10rem").setFlexGrow(1);
    grid.addColumn(TicketStatus::id).setHeader("Id").setWidth("8rem").setFlexGrow(0);
    grid.addColumn(TicketStatus::position).setHeader("Position").setWidth("6rem").setFlexGrow(0);
    grid.addColumn(s -> s.pausesClock() ? "Pauses the clock" : s.resolves() ? "Solves the thread" : "Clock runs")
        .setHeader("Clock").setWidth("10rem").setFlexGrow(0);
    for (String priority : TicketService.PRIORITIES) {
      grid.addColumn(s -> TicketTexts.minutes(s.limitMinutes().get(priority)))
          .setHeader("Limit " + priority).setWidth("7.5rem").setFlexGrow(0);
    }
    grid.addComponentColumn(s -> AdminParts.rowActions(s.label(), () -> edit(s), () -> tickets.deleteStatus(s.id()),
        "Status “" + s.label() + "” deleted", this::refresh))
        .setWidth("7.5rem").setFlexGrow(0);
    grid.addItemDoubleClickListener(e -> edit(e.getItem()));
    grid.setSizeFull();
    Span help = new Span("A limit is how long a thread of that priority may stay in the status.");
    help.addClassName("sb-muted");
    add(new HorizontalLayout(add, help), grid);
  }

  void refresh() {
    grid.setItems(tickets.statuses().stream().sorted(Comparator.comparingInt(TicketStatus::position)).toList());
  }

  private void edit(TicketStatus current) {
    Dialog dialog = new Dialog(current == null ? "New status" : "Status “" + current.label() + "”");
    TextField id = new TextField("Id");
    id.setId("status-id");
    id.setHelperText("Lower-case, as flows and the API name it: waiting, on-hold");
    TextField label = new TextField("Label");
    label.setId("status-label");
    IntegerField position = new IntegerField("Position");
    position.setId("status-position");
    position.setValue(current == null ? tickets.statuses().size() * 10 + 10 : current.position());
    Checkbox pauses = new Checkbox("Pauses the clock (waiting for someone)");
    pauses.setId("status-pauses");
    Checkbox resolves = new Checkbox("Solves the thread");
    resolves.setId("status-resolves");
    FormLayout form = new FormLayout(id, label, position, new Span(), pauses, resolves);
    Map<String, MinutesField> limits = new LinkedHashMap<>();
    for (String priority : TicketService.PRIORITIES) {
      MinutesField limit = new MinutesField("Limit for " + priority);
      limit.setId("status-limit-" + priority);
      limit.amount().setId("status-limit-" + priority + "-amount");
      limit.unit().setId("status-limit-" + priority + "-unit");
      limits.put(priority, limit);
      form.add(limit);
    }
    if (current != null) {
      id.setValue(current.id());
      id.setReadOnly(true);
      label.setValue(current.label());
      pauses.setValue(current.pausesClock());
      resolves.setValue(current.resolves());
      limits.forEach((p, f) -> f.setValue(current.limitMinutes().get(p)));
    }
    Refusals refusals = new Refusals().field("status id", id).field("label", label).field("limit for low", limits.get("low"))
        .field("limit for normal", limits.get("normal")).field("limit for high", limits.get("high"))
        .field("limit for urgent", limits.get("urgent"));
    dialog.add(form, refusals.line());
    dialog.setWidth("640px");
    AdminParts.footer(dialog, "status-save", () -> {
      Map<String, Integer> minutes = new LinkedHashMap<>();
      limits.forEach((p, f) -> {
        if (f.getValue() != null) {
          minutes.put(p, f.getValue());
        }
      });
      return refusals.attempt(() -> tickets.putStatus(new TicketStatus(id.getValue().strip(), label.getValue(),
          position.getValue() == null ? 0 : position.getValue(), pauses.getValue(), resolves.getValue(), minutes)));
    }, () -> {
      refresh();
      Notices.done("Status “" + label.getValue().strip() + "” saved");
    });
    dialog.open();
  }
}
