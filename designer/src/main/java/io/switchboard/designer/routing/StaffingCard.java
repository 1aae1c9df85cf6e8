package io.switchboard.designer.routing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import io.switchboard.runtime.routing.ErlangC;
import io.switchboard.runtime.routing.RoutingService;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.NotFoundException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** How many agents a queue needs for a service level (Erlang C), with the wait and occupancy it gives. */
final class StaffingCard extends VerticalLayout {
  private static final Map<String, Double> PER = Map.of("15 min", 4.0, "30 min", 2.0, "hour", 1.0);
  private final NumberField calls = number("Calls", "staffing-calls", 100);
  private final Select<String> per = new Select<>();
  private final NumberField handle = number("Handle time (s)", "staffing-handle", 180);
  private final NumberField level = number("Service level %", "staffing-level", 80);
  private final NumberField target = number("Answered within (s)", "staffing-target", 20);
  private final Div result = new Div();

  StaffingCard(RoutingService routing, Supplier<String> queue) {
    addClassName("sb-routing-card");
    setSpacing(false);
    per.setLabel("per");
    per.setId("staffing-per");
    per.setItems("15 min", "30 min", "hour");
    per.setValue("30 min");
    per.setWidth("7rem");
    result.setId("staffing-result");
    result.addClassName("sb-routing-result");
    result.setText("Enter the expected calls and press Calculate.");
    Button calculate = new Button("Calculate", e -> {
      try {
        if (queue.get() == null) {
          result.setText("Pick a queue above first (create one on the Supervisor screen).");
          return;
        }
        double perHour = value(calls) * PER.get(per.getValue());
        ErlangC.Staffing s = routing.staffing(queue.get(), perHour, value(handle), value(level) / 100, value(target));
        result.setText(String.format(Locale.ENGLISH, "%.0f calls per hour, %.1f Erlangs: %d agents needed · "
            + "%.0f %% of calls wait · average wait (ASA) %.1f s · %.0f %% answered within %.0f s · occupancy %.0f %%",
            perHour, s.erlangs(), s.agents(), s.probabilityOfWaiting() * 100, s.averageSpeedOfAnswerSeconds(),
            s.serviceLevel() * 100, value(target), s.occupancy() * 100));
      } catch (BadRequestException | NotFoundException refused) {
        result.setText(refused.getMessage());
      }
    });
    calculate.setId("staffing-calculate");
    HorizontalLayout inputs = new HorizontalLayout(calls, per, handle, level, target, calculate);
    inputs.setAlignItems(Alignment.BASELINE);
    inputs.getStyle().set("flex-wrap", "wrap");
    add(new H4("Staffing (Erlang C)"), inputs, result);
  }

  private static double value(NumberField field) {
    return field.getValue() == null ? Double.NaN : field.getValue();
  }

  private static NumberField number(String label, String id, double value) {
    NumberField field = new NumberField(label);
    field.setId(id);
    field.setValue(value);
    field.setWidth("9rem");
    return field;
  }
}
