package io.switchboard.designer.routing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Skills as rows: a name (skills already in use are offered, any other may be typed) and a level 1–5. */
final class SkillRows extends VerticalLayout {
  private final List<String> known;
  private final String idPrefix;
  private final List<Row> rows = new ArrayList<>();
  private final VerticalLayout list = new VerticalLayout();
  private final Div empty = new Div("No skills yet — add one, such as product:router or language:pl.");

  private record Row(ComboBox<String> name, IntegerField level, HorizontalLayout layout) {}

  SkillRows(String idPrefix, List<String> known, Map<String, Integer> current) {
    this.idPrefix = idPrefix;
    this.known = known;
    setPadding(false);
    setSpacing(false);
    list.setPadding(false);
    list.setSpacing(false);
    empty.addClassName("sb-routing-muted");
    Button add = new Button("Add skill", VaadinIcon.PLUS.create(), e -> addRow(null, 3));
    add.setId(idPrefix + "-add");
    add.addThemeVariants(ButtonVariant.LUMO_SMALL);
    add(empty, list, add);
    current.forEach(this::addRow);
    empty.setVisible(rows.isEmpty());
  }

  private void addRow(String skill, Integer value) {
    int index = rows.size();
    ComboBox<String> name = new ComboBox<>();
    name.setId(idPrefix + "-name-" + index);
    name.setPlaceholder("product:router");
    List<String> items = new ArrayList<>(known);
    if (skill != null && !items.contains(skill)) {
      items.add(skill);
    }
    name.setItems(items);
    name.setAllowCustomValue(true);
    name.addCustomValueSetListener(e -> {
      List<String> grown = new ArrayList<>(name.getListDataView().getItems().toList());
      grown.add(e.getDetail());
      name.setItems(grown);
      name.setValue(e.getDetail());
    });
    name.setValue(skill);
    name.setWidth("16rem");
    IntegerField level = new IntegerField();
    level.setId(idPrefix + "-level-" + index);
    level.setMin(1);
    level.setMax(5);
    level.setStepButtonsVisible(true);
    level.setValue(value);
    level.setWidth("7rem");
    level.setAriaLabel("Level 1–5");
    Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
    remove.setAriaLabel("Remove skill");
    HorizontalLayout layout = new HorizontalLayout(name, level, remove);
    layout.setAlignItems(Alignment.CENTER);
    Row row = new Row(name, level, layout);
    remove.addClickListener(e -> {
      rows.remove(row);
      list.remove(layout);
      empty.setVisible(rows.isEmpty());
    });
    rows.add(row);
    list.add(layout);
    empty.setVisible(false);
  }

  /** The skills as written; a row without a name is left out, a missing level is 0 so the service names it. */
  Map<String, Integer> skills() {
    Map<String, Integer> skills = new LinkedHashMap<>();
    for (Row row : rows) {
      String name = row.name().getValue();
      if (name != null && !name.isBlank()) {
        skills.put(name.strip(), row.level().getValue() == null ? 0 : row.level().getValue());
      }
    }
    return skills;
  }
}
