package io.switchboard.designer.tickets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.tickets.BusinessHours;
import io.switchboard.runtime.tickets.TicketService;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The hours in which the SLA clocks run: on or off, a time zone, weekly hours and holidays. */
final class HoursTab extends VerticalLayout {
  private final TicketService tickets;
  private final Checkbox enabled = new Checkbox("Count only business hours (off: every minute counts)");
  private final ComboBox<String> zone = new ComboBox<>("Time zone");
  private final Map<String, Checkbox> open = new LinkedHashMap<>();
  private final Map<String, TimePicker[]> times = new LinkedHashMap<>();
  private final TreeSet<LocalDate> holidays = new TreeSet<>();
  private final Div holidayList = new Div();
  private final Refusals refusals = new Refusals();

  HoursTab(TicketService tickets) {
    this.tickets = tickets;
    enabled.setId("hours-enabled");
    zone.setId("hours-zone");
    zone.setItems(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    zone.setWidth("18rem");
    add(enabled, zone);
    for (DayOfWeek day : DayOfWeek.values()) {
      String key = BusinessHours.key(day);
      Checkbox isOpen = new Checkbox(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
      isOpen.setId("hours-open-" + key);
      isOpen.setWidth("8rem");
      TimePicker from = new TimePicker();
      from.setId("hours-from-" + key);
      from.setAriaLabel(key + " opens");
      from.setWidth("8rem");
      TimePicker to = new TimePicker();
      to.setId("hours-to-" + key);
      to.setAriaLabel(key + " closes");
      to.setWidth("8rem");
      Span closed = new Span("closed");
      closed.addClassName("sb-muted");
      isOpen.addValueChangeListener(e -> {
        from.setVisible(e.getValue());
        to.setVisible(e.getValue());
        closed.setVisible(!e.getValue());
      });
      HorizontalLayout row = new HorizontalLayout(isOpen, from, to, closed);
      row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
      add(row);
      open.put(key, isOpen);
      times.put(key, new TimePicker[] {from, to});
    }
    DatePicker holiday = new DatePicker();
    holiday.setId("hours-holiday");
    holiday.setPlaceholder("A holiday");
    Button addHoliday = new Button("Add holiday", e -> {
      if (holiday.getValue() != null) {
        holidays.add(holiday.getValue());
        holiday.clear();
        showHolidays();
      }
    });
    holidayList.setId("hours-holidays");
    Span holidaysTitle = new Span("Holidays (the clocks stand still all day)");
    holidaysTitle.getStyle().set("font-weight", "600");
    Button save = new Button("Save business hours", e -> save());
    save.setId("hours-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(holidaysTitle, holidayList, new HorizontalLayout(holiday, addHoliday),
        new HorizontalLayout(save, refusals.line()));
  }

  void refresh() {
    BusinessHours hours = tickets.businessHours();
    enabled.setValue(hours.enabled());
    zone.setValue(hours.zone().getId());
    open.forEach((day, box) -> {
      List<LocalTime> span = hours.weekly().get(day);
      TimePicker[] pair = times.get(day);
      pair[0].setValue(span == null ? LocalTime.of(9, 0) : span.get(0));
      pair[1].setValue(span == null ? LocalTime.of(17, 0) : span.get(1));
      box.setValue(!hours.weekly().isEmpty() ? span != null : !day.equals("sat") && !day.equals("sun"));
      pair[0].setVisible(box.getValue());
      pair[1].setVisible(box.getValue());
    });
    holidays.clear();
    holidays.addAll(hours.holidays());
    showHolidays();
  }

  private void save() {
    Map<String, List<LocalTime>> weekly = new LinkedHashMap<>();
    open.forEach((day, box) -> {
      TimePicker[] pair = times.get(day);
      if (box.getValue() && pair[0].getValue() != null && pair[1].getValue() != null) {
        weekly.put(day, List.of(pair[0].getValue(), pair[1].getValue()));
      }
    });
    if (refusals.attempt(() -> tickets.putBusinessHours(new BusinessHours(enabled.getValue(),
        ZoneId.of(zone.getValue() == null ? "UTC" : zone.getValue()), weekly, holidays)))) {
      Notices.done("Business hours saved");
      refresh();
    }
  }

  private void showHolidays() {
    holidayList.removeAll();
    if (holidays.isEmpty()) {
      Span none = new Span("No holidays. Pick a date below and add it.");
      none.addClassName("sb-muted");
      holidayList.add(none);
    }
    for (LocalDate date : holidays) {
      Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
        holidays.remove(date);
        showHolidays();
      });
      remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
      remove.setAriaLabel("Remove " + date);
      HorizontalLayout row = new HorizontalLayout(new Span(date.toString()), remove);
      row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
      holidayList.add(row);
    }
  }
}
