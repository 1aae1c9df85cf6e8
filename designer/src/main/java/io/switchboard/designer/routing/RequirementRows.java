package io.switchboard.designer.routing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Rows of a route step's requirements as the simulator asks them: skills asked, or expanding steps. */
final class RequirementRows extends VerticalLayout {
  private final List<Supplier<Map<String, Object>>> rows = new ArrayList<>();
  private final VerticalLayout list = new VerticalLayout();

  private RequirementRows(String addLabel, String addId, Runnable add) {
    setPadding(false);
    setSpacing(false);
    list.setPadding(false);
    list.setSpacing(false);
    Button button = new Button(addLabel, VaadinIcon.PLUS.create(), e -> add.run());
    button.setId(addId);
    button.addThemeVariants(ButtonVariant.LUMO_SMALL);
    add(list, button);
  }

  /** Skills asked: skill, at least level, required (else preferred). */
  static RequirementRows skills(Supplier<List<String>> known) {
    RequirementRows[] self = new RequirementRows[1];
    self[0] = new RequirementRows("Add skill", "sim-skill-add", () -> {
      int i = self[0].rows.size();
      ComboBox<String> skill = new ComboBox<>();
      skill.setId("sim-skill-" + i);
      skill.setPlaceholder("Skill");
      skill.setItems(known.get());
      skill.setAllowCustomValue(true);
      skill.addCustomValueSetListener(e -> skill.setValue(e.getDetail()));
      skill.setWidth("12rem");
      IntegerField min = new IntegerField();
      min.setId("sim-skill-min-" + i);
      min.setAriaLabel("At least level");
      min.setPlaceholder("≥ level");
      min.setMin(1);
      min.setMax(5);
      min.setValue(1);
      min.setStepButtonsVisible(true);
      min.setWidth("6.5rem");
      Checkbox required = new Checkbox("required", true);
      required.setId("sim-skill-required-" + i);
      self[0].row(() -> {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("skill", skill.getValue());
        one.put("minLevel", min.getValue() == null ? 1 : min.getValue());
        one.put("required", required.getValue());
        return skill.getValue() == null || skill.getValue().isBlank() ? null : one;
      }, skill, min, required);
    });
    return self[0];
  }

  /** Expanding steps: label, seconds, same region, how skills count, overflow queue. */
  static RequirementRows steps(Supplier<List<String>> queues) {
    RequirementRows[] self = new RequirementRows[1];
    self[0] = new RequirementRows("Add step", "sim-step-add", () -> {
      int i = self[0].rows.size();
      TextField label = new TextField();
      label.setId("sim-step-label-" + i);
      label.setPlaceholder("Step");
      label.setValue(i == 0 ? "Same region" : "Any region");
      label.setWidth("9rem");
      IntegerField seconds = new IntegerField();
      seconds.setId("sim-step-seconds-" + i);
      seconds.setPlaceholder("for (s)");
      seconds.setAriaLabel("For seconds");
      seconds.setWidth("5.5rem");
      Checkbox sameRegion = new Checkbox("same region", i == 0);
      sameRegion.setId("sim-step-region-" + i);
      Select<String> skills = new Select<>();
      skills.setId("sim-step-skills-" + i);
      skills.setItems("required", "preferred", "ignored");
      skills.setValue("required");
      skills.setItemLabelGenerator(s -> "skills " + s);
      skills.setWidth("10rem");
      ComboBox<String> overflow = new ComboBox<>();
      overflow.setId("sim-step-queue-" + i);
      overflow.setPlaceholder("overflow to");
      overflow.setAriaLabel("Overflow to queue");
      overflow.setItems(queues.get());
      overflow.setClearButtonVisible(true);
      overflow.setWidth("10rem");
      self[0].row(() -> {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("label", label.getValue().isBlank() ? "Step " + (i + 1) : label.getValue().strip());
        if (seconds.getValue() != null) {
          one.put("seconds", seconds.getValue());
        }
        one.put("sameRegion", sameRegion.getValue());
        one.put("skills", skills.getValue());
        if (overflow.getValue() != null) {
          one.put("queue", overflow.getValue());
        }
        return one;
      }, label, seconds, sameRegion, skills, overflow);
    });
    return self[0];
  }

  private void row(Supplier<Map<String, Object>> value, Component... fields) {
    HorizontalLayout layout = new HorizontalLayout(fields);
    layout.setAlignItems(Alignment.CENTER);
    Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
    remove.setAriaLabel("Remove");
    layout.add(remove);
    rows.add(value);
    remove.addClickListener(e -> {
      rows.remove(value);
      list.remove(layout);
    });
    list.add(layout);
  }

  /** The rows as the route node writes them; empty rows are left out. */
  List<Map<String, Object>> values() {
    return rows.stream().map(Supplier::get).filter(v -> v != null).toList();
  }
}
