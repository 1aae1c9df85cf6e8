package io.switchboard.designer.tickets;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;

/** A limit people enter in minutes or hours; its value is minutes, or null for no limit. */
final class MinutesField extends CustomField<Integer> {
  private static final String MINUTES = "min";
  private static final String HOURS = "h";
  private final IntegerField amount = new IntegerField();
  private final Select<String> unit = new Select<>();

  MinutesField(String label) {
    setLabel(label);
    amount.setMin(1);
    amount.setPlaceholder("none");
    amount.setWidth("6rem");
    amount.setStepButtonsVisible(false);
    unit.setItems(List.of(MINUTES, HOURS));
    unit.setItemLabelGenerator(u -> MINUTES.equals(u) ? "minutes" : "hours");
    unit.setValue(HOURS);
    unit.setWidth("7.5rem");
    amount.addValueChangeListener(e -> updateValue());
    unit.addValueChangeListener(e -> updateValue());
    add(amount, unit);
  }

  @Override
  protected Integer generateModelValue() {
    Integer n = amount.getValue();
    return n == null ? null : HOURS.equals(unit.getValue()) ? n * 60 : n;
  }

  @Override
  protected void setPresentationValue(Integer minutes) {
    if (minutes == null) {
      amount.clear();
      unit.setValue(HOURS);
    } else if (minutes % 60 == 0) {
      amount.setValue(minutes / 60);
      unit.setValue(HOURS);
    } else {
      amount.setValue(minutes);
      unit.setValue(MINUTES);
    }
  }

  /** The inner number box, for tests and ids. */
  IntegerField amount() {
    return amount;
  }

  Select<String> unit() {
    return unit;
  }
}
