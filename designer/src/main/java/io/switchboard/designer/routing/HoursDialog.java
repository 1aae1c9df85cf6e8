package io.switchboard.designer.routing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import io.switchboard.designer.ui.WeeklyHoursField;
import io.switchboard.runtime.routing.Region;
import io.switchboard.runtime.routing.RoutingService;
import io.switchboard.runtime.routing.WorkingHours;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.NotFoundException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A region's working hours: its time zone, from–to or closed per weekday, and holidays. */
final class HoursDialog extends Dialog {
  private final ComboBox<String> zone = new ComboBox<>("Time zone");
  private final WeeklyHoursField week = new WeeklyHoursField("Holidays (closed all day)");
  private final Span error = new Span();

  HoursDialog(RoutingService routing, Region region, WorkingHours current, ZoneId fallbackZone, Runnable saved) {
    setHeaderTitle("Working hours of " + region.name());
    zone.setId("hours-zone");
    zone.setItems(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    zone.setValue(current != null ? current.zone().getId() : fallbackZone.getId());
    zone.setWidth("18rem");
    week.setValue(current == null ? Map.of() : current.weekly(), current == null ? Set.of() : current.holidays(), true);
    error.setId("hours-error");
    error.addClassName("sb-routing-error");
    add(zone, week, error);
    setWidth("560px");

    Button save = new Button("Save hours", e -> {
      error.setText("");
      Map<String, List<String>> weekly = new LinkedHashMap<>();
      week.weekly().forEach((day, span) -> weekly.put(day, span.stream().map(LocalTime::toString).toList()));
      try {
        routing.putHours(region.id(), zone.getValue(), weekly, week.holidays().stream().map(LocalDate::toString).toList());
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
}
