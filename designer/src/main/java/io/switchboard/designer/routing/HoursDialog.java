package io.switchboard.designer.routing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.switchboard.runtime.routing.Region;
import io.switchboard.runtime.routing.RoutingService;
import io.switchboard.runtime.routing.WorkingHours;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.NotFoundException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A region's working hours: its time zone, from–to or closed per weekday, and holidays. */
final class HoursDialog extends Dialog {
  private final ComboBox<String> zone = new ComboBox<>("Time zone");
  private final Map<String, Checkbox> open = new LinkedHashMap<>();
  private final Map<String, TimePicker[]> times = new LinkedHashMap<>();
  private final TreeSet<LocalDate> holidays = new TreeSet<>();
  private final VerticalLayout holidayList = new VerticalLayout();
  private final Span error = new Span();

  HoursDialog(RoutingService routing, Region region, WorkingHours current, ZoneId fallbackZone, Runnable saved) {
    setHeaderTitle("Working hours of " + region.name());
    zone.setId("hours-zone");
    zone.setItems(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    zone.setValue(current != null ? current.zone().getId() : fallbackZone.getId());
    zone.setWidth("18rem");
    VerticalLayout days = new VerticalLayout();
    days.setPadding(false);
    days.setSpacing(false);
    for (int i = 0; i < RoutingText.DAYS.size(); i++) {
      String day = RoutingText.DAYS.get(i);
      List<LocalTime> hours = current != null ? current.weekly().get(day)
          : i < 5 ? List.of(LocalTime.of(8, 0), LocalTime.of(17, 0)) : null;
      Checkbox isOpen = new Checkbox(RoutingText.day(i), hours != null);
      isOpen.setId("hours-open-" + day);
      isOpen.setWidth("5rem");
      TimePicker from = picker("hours-from-" + day, hours == null ? LocalTime.of(8, 0) : hours.get(0));
      TimePicker to = picker("hours-to-" + day, hours == null ? LocalTime.of(17, 0) : hours.get(1));
      Span closed = new Span("closed");
      closed.addClassName("sb-routing-muted");
      Runnable show = () -> {
        from.setVisible(isOpen.getValue());
        to.setVisible(isOpen.getValue());
        closed.setVisible(!isOpen.getValue());
      };
      isOpen.addValueChangeListener(e -> show.run());
      show.run();
      open.put(day, isOpen);
      times.put(day, new TimePicker[] {from, to});
      HorizontalLayout row = new HorizontalLayout(isOpen, from, to, closed);
      row.setAlignItems(HorizontalLayout.Alignment.CENTER);
      days.add(row);
    }
    if (current != null) {
      holidays.addAll(current.holidays());
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
    addHoliday.setId("hours-holiday-add");
    HorizontalLayout holidayAdder = new HorizontalLayout(holiday, addHoliday);
    holidayList.setPadding(false);
    holidayList.setSpacing(false);
    holidayList.setId("hours-holidays");
    showHolidays();
    error.setId("hours-error");
    error.addClassName("sb-routing-error");
    add(zone, days, new Span("Holidays (closed all day)"), holidayList, holidayAdder, error);
    setWidth("560px");

    Button save = new Button("Save hours", e -> {
      error.setText("");
      Map<String, List<String>> weekly = new LinkedHashMap<>();
      open.forEach((day, box) -> {
        TimePicker[] pair = times.get(day);
        if (box.getValue()) {
          weekly.put(day, List.of(text(pair[0].getValue()), text(pair[1].getValue())));
        }
      });
      try {
        routing.putHours(region.id(), zone.getValue(), weekly, holidays.stream().map(LocalDate::toString).toList());
        saved.run();
        close();
      } catch (BadRequestException | NotFoundException refused) {
        error.setText(refused.getMessage());
      }
    });
    save.setId("hours-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", e -> close()), save);
  }

  private void showHolidays() {
    holidayList.removeAll();
    if (holidays.isEmpty()) {
      Div none = new Div("No holidays.");
      none.addClassName("sb-routing-muted");
      holidayList.add(none);
    }
    for (LocalDate day : new ArrayList<>(holidays)) {
      Button remove = new Button("Remove", e -> {
        holidays.remove(day);
        showHolidays();
      });
      remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      HorizontalLayout row = new HorizontalLayout(new Span(day.toString()), remove);
      row.setAlignItems(HorizontalLayout.Alignment.CENTER);
      holidayList.add(row);
    }
  }

  private static String text(LocalTime time) {
    return time == null ? "" : time.toString();
  }

  private static TimePicker picker(String id, LocalTime value) {
    TimePicker picker = new TimePicker();
    picker.setId(id);
    picker.setValue(value);
    picker.setWidth("7.5rem");
    return picker;
  }
}
