package io.switchboard.designer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opening hours per weekday (open from–to, or closed) and holidays, as a region's working hours and
 * the SLA clocks' business hours are written. Days are keyed "mon" … "sun".
 */
public final class WeeklyHoursField extends VerticalLayout {
  private static final LocalTime OPENS = LocalTime.of(8, 0);
  private static final LocalTime CLOSES = LocalTime.of(17, 0);

  private final Map<String, Checkbox> open = new LinkedHashMap<>();
  private final Map<String, TimePicker[]> times = new LinkedHashMap<>();
  private final TreeSet<LocalDate> holidays = new TreeSet<>();
  private final VerticalLayout holidayList = new VerticalLayout();

  /** @param holidaysTitle what a holiday means here ("Holidays (closed all day)") */
  public WeeklyHoursField(String holidaysTitle) {
    setPadding(false);
    setSpacing(false);
    for (DayOfWeek day : DayOfWeek.values()) {
      String key = key(day);
      Checkbox isOpen = new Checkbox(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
      isOpen.setId("hours-open-" + key);
      isOpen.setWidth("8rem");
      TimePicker from = picker("hours-from-" + key, key + " opens");
      TimePicker to = picker("hours-to-" + key, key + " closes");
      Span closed = new Span("closed");
      closed.addClassNames("sb-muted", "sb-routing-muted");
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
    addHoliday.setId("hours-holiday-add");
    holidayList.setId("hours-holidays");
    holidayList.setPadding(false);
    holidayList.setSpacing(false);
    Span title = new Span(holidaysTitle);
    title.getStyle().set("font-weight", "600").set("margin-top", "var(--lumo-space-m)");
    add(title, holidayList, new HorizontalLayout(holiday, addHoliday));
    setValue(Map.of(), Set.of(), true);
  }

  public static String key(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
  }

  /**
   * Shows these hours; with none at all and {@code weekdaysWhenEmpty}, Monday to Friday 08:00–17:00
   * are ticked as a start.
   */
  public void setValue(Map<String, List<LocalTime>> weekly, Set<LocalDate> days, boolean weekdaysWhenEmpty) {
    open.forEach((day, box) -> {
      List<LocalTime> span = weekly.get(day);
      TimePicker[] pair = times.get(day);
      pair[0].setValue(span == null ? OPENS : span.get(0));
      pair[1].setValue(span == null ? CLOSES : span.get(1));
      boolean isOpen = weekly.isEmpty() ? weekdaysWhenEmpty && !day.equals("sat") && !day.equals("sun") : span != null;
      box.setValue(isOpen);
      pair[0].setVisible(isOpen);
      pair[1].setVisible(isOpen);
    });
    holidays.clear();
    holidays.addAll(days);
    showHolidays();
  }

  /** The ticked days with both times given. */
  public Map<String, List<LocalTime>> weekly() {
    Map<String, List<LocalTime>> weekly = new LinkedHashMap<>();
    open.forEach((day, box) -> {
      TimePicker[] pair = times.get(day);
      if (box.getValue() && pair[0].getValue() != null && pair[1].getValue() != null) {
        weekly.put(day, List.of(pair[0].getValue(), pair[1].getValue()));
      }
    });
    return weekly;
  }

  public Set<LocalDate> holidays() {
    return new TreeSet<>(holidays);
  }

  private void showHolidays() {
    holidayList.removeAll();
    if (holidays.isEmpty()) {
      Span none = new Span("No holidays. Pick a date below and add it.");
      none.addClassNames("sb-muted", "sb-routing-muted");
      holidayList.add(none);
    }
    for (LocalDate date : new ArrayList<>(holidays)) {
      Button remove = new Button("Remove", e -> {
        holidays.remove(date);
        showHolidays();
      });
      remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      remove.setAriaLabel("Remove " + date);
      HorizontalLayout row = new HorizontalLayout(new Span(date.toString()), remove);
      row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
      holidayList.add(row);
    }
  }

  private static TimePicker picker(String id, String label) {
    TimePicker picker = new TimePicker();
    picker.setId(id);
    picker.setAriaLabel(label);
    picker.setWidth("8rem");
    return picker;
  }
}
