package io.switchboard.designer.routing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;

/** An ordered list of agents: pick one to add at the end, move each up or down, remove it. */
final class OrderedNames extends VerticalLayout {
  private final List<String> names = new ArrayList<>();
  private final VerticalLayout rows = new VerticalLayout();
  private final ComboBox<String> pick = new ComboBox<>();
  private final String idPrefix;
  private final String emptyText;

  OrderedNames(String idPrefix, String label, List<String> choices, List<String> current, String emptyText) {
    this.idPrefix = idPrefix;
    this.emptyText = emptyText;
    setPadding(false);
    setSpacing(false);
    names.addAll(current);
    pick.setId(idPrefix + "-pick");
    pick.setPlaceholder("Pick an agent");
    pick.setItems(choices);
    pick.setClearButtonVisible(true);
    Button add = new Button("Add", e -> {
      String chosen = pick.getValue();
      if (chosen != null && !names.contains(chosen)) {
        names.add(chosen);
        pick.clear();
        render();
      }
    });
    add.setId(idPrefix + "-add");
    HorizontalLayout adder = new HorizontalLayout(pick, add);
    adder.setAlignItems(Alignment.BASELINE);
    rows.setPadding(false);
    rows.setSpacing(false);
    Span title = new Span(label);
    title.addClassName("sb-routing-label");
    add(title, rows, adder);
    render();
  }

  List<String> names() {
    return List.copyOf(names);
  }

  private void render() {
    rows.removeAll();
    if (names.isEmpty()) {
      Div empty = new Div(emptyText);
      empty.addClassName("sb-routing-muted");
      rows.add(empty);
    }
    for (int i = 0; i < names.size(); i++) {
      int at = i;
      Span name = new Span((i + 1) + ". " + names.get(i));
      name.setId(idPrefix + "-" + i);
      name.addClassName("sb-routing-order");
      Button up = icon(VaadinIcon.ARROW_UP, "Move up", () -> swap(at, at - 1));
      up.setEnabled(i > 0);
      up.setId(idPrefix + "-up-" + i);
      Button down = icon(VaadinIcon.ARROW_DOWN, "Move down", () -> swap(at, at + 1));
      down.setEnabled(i < names.size() - 1);
      Button remove = icon(VaadinIcon.CLOSE_SMALL, "Remove", () -> {
        names.remove(at);
        render();
      });
      remove.setId(idPrefix + "-remove-" + i);
      HorizontalLayout row = new HorizontalLayout(name, up, down, remove);
      row.setAlignItems(Alignment.CENTER);
      row.setSpacing(false);
      rows.add(row);
    }
  }

  private void swap(int a, int b) {
    names.set(a, names.set(b, names.get(a)));
    render();
  }

  private static Button icon(VaadinIcon icon, String label, Runnable action) {
    Button button = new Button(icon.create(), e -> action.run());
    button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
    button.setAriaLabel(label);
    button.setTooltipText(label);
    return button;
  }
}
