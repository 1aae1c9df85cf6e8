package io.switchboard.designer.tickets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.tickets.SlaTarget;
import io.switchboard.runtime.tickets.TicketService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How soon a thread of each priority gets its first answer and its resolution. */
final class TargetsTab extends VerticalLayout {
  private final TicketService tickets;
  private final Map<String, MinutesField[]> fields = new LinkedHashMap<>();

  TargetsTab(TicketService tickets) {
    this.tickets = tickets;
    Span help = new Span("Leave a target empty for none. The clocks count business hours when those are on, and stand "
        + "still while a thread waits in a status that pauses them.");
    help.addClassName("sb-muted");
    add(help);
    Refusals refusals = new Refusals();
    for (String priority : TicketService.PRIORITIES) {
      MinutesField first = new MinutesField("First response");
      first.setId("target-first-" + priority);
      first.amount().setId("target-first-" + priority + "-amount");
      MinutesField resolution = new MinutesField("Resolution");
      resolution.setId("target-resolution-" + priority);
      resolution.amount().setId("target-resolution-" + priority + "-amount");
      Span name = new Span(TicketTexts.priority(priority));
      name.setWidth("6rem");
      name.getStyle().set("font-weight", "600");
      HorizontalLayout row = new HorizontalLayout(name, first, resolution);
      row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      add(row);
      fields.put(priority, new MinutesField[] {first, resolution});
      refusals.field("target for " + priority, first);
    }
    Button save = new Button("Save targets", e -> {
      List<SlaTarget> targets = new ArrayList<>();
      fields.forEach((p, f) -> targets.add(new SlaTarget(p, f[0].getValue(), f[1].getValue())));
      if (refusals.attempt(() -> tickets.putTargets(targets))) {
        Notices.done("SLA targets saved");
        refresh();
      }
    });
    save.setId("targets-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(new HorizontalLayout(save, refusals.line()));
  }

  void refresh() {
    fields.values().forEach(f -> {
      f[0].clear();
      f[1].clear();
    });
    for (SlaTarget t : tickets.targets()) {
      MinutesField[] f = fields.get(t.priority());
      if (f != null) {
        f[0].setValue(t.firstResponseMinutes());
        f[1].setValue(t.resolutionMinutes());
      }
    }
  }
}
