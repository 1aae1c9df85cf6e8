package io.switchboard.designer.tickets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.switchboard.designer.ui.Notices;
import io.switchboard.designer.ui.WeeklyHoursField;
import io.switchboard.runtime.tickets.BusinessHours;
import io.switchboard.runtime.tickets.TicketService;
import java.time.ZoneId;
import java.util.TreeSet;

/** The hours in which the SLA clocks run: on or off, a time zone, weekly hours and holidays. */
final class HoursTab extends VerticalLayout {
  private final TicketService tickets;
  private final Checkbox enabled = new Checkbox("Count only business hours (off: every minute counts)");
  private final ComboBox<String> zone = new ComboBox<>("Time zone");
  private final WeeklyHoursField week = new WeeklyHoursField("Holidays (the clocks stand still all day)");
  private final Refusals refusals = new Refusals();

  HoursTab(TicketService tickets) {
    this.tickets = tickets;
    enabled.setId("hours-enabled");
    zone.setId("hours-zone");
    zone.setItems(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    zone.setWidth("18rem");
    add(enabled, zone);
    add(week);
    Button save = new Button("Save business hours", e -> save());
    save.setId("hours-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(new HorizontalLayout(save, refusals.line()));
  }

  void refresh() {
    BusinessHours hours = tickets.businessHours();
    enabled.setValue(hours.enabled());
    zone.setValue(hours.zone().getId());
    week.setValue(hours.weekly(), hours.holidays(), true);
  }

  private void save() {
    if (refusals.attempt(() -> tickets.putBusinessHours(new BusinessHours(enabled.getValue(),
        ZoneId.of(zone.getValue() == null ? "UTC" : zone.getValue()), week.weekly(), week.holidays())))) {
      Notices.done("Business hours saved");
      refresh();
    }
  }
}
