package io.switchboard.designer.integrations;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rows of a few fields each, added and removed by the user: a step's inputs, outputs, query
 * parameters or headers. Field ids are {@code <id>-<row>-<column>}; a row whose first field is
 * empty is left out.
 */
final class RowsEditor extends VerticalLayout {
  /** A column: a text field, a choice among {@code options}, or a checkbox. */
  record Column(String key, String label, List<String> options, boolean checkbox, String width) {
    static Column text(String key, String label, String width) {
      return new Column(key, label, null, false, width);
    }

    static Column choice(String key, String label, List<String> options) {
      return new Column(key, label, options, false, "8rem");
    }

    static Column check(String key, String label) {
      return new Column(key, label, null, true, null);
    }
  }

  private final String id;
  private final List<Column> columns;
  private final VerticalLayout rows = new VerticalLayout();
  private final List<Map<String, Supplier<Object>>> readers = new ArrayList<>();
  private int made;

  RowsEditor(String id, String title, String addLabel, List<Column> columns) {
    this.id = id;
    this.columns = columns;
    setId(id);
    setPadding(false);
    setSpacing(false);
    rows.setPadding(false);
    rows.setSpacing(false);
    Button add = new Button(addLabel, VaadinIcon.PLUS.create(), e -> addRow(Map.of()));
    add.setId(id + "-add");
    add.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
    Span heading = new Span(title);
    heading.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-s)");
    add(heading, rows, add);
  }

  void setRows(List<Map<String, Object>> values) {
    rows.removeAll();
    readers.clear();
    made = 0;
    values.forEach(this::addRow);
  }

  List<Map<String, Object>> rows() {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Supplier<Object>> reader : readers) {
      Map<String, Object> row = new LinkedHashMap<>();
      reader.forEach((key, value) -> row.put(key, value.get()));
      Object first = row.get(columns.getFirst().key());
      if (first instanceof String s && !s.isBlank()) {
        result.add(row);
      }
    }
    return result;
  }

  private void addRow(Map<String, Object> values) {
    int index = made++;
    HorizontalLayout row = new HorizontalLayout();
    row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    // fields share the panel's width, narrowing rather than pushing the remove button out of it
    row.setWidthFull();
    Map<String, Supplier<Object>> reader = new LinkedHashMap<>();
    for (Column column : columns) {
      Object value = values.get(column.key());
      String fieldId = id + "-" + index + "-" + column.key();
      Component field;
      if (column.checkbox()) {
        Checkbox box = new Checkbox(column.label(), Boolean.TRUE.equals(value));
        reader.put(column.key(), box::getValue);
        field = box;
      } else if (column.options() != null) {
        Select<String> select = new Select<>();
        select.setLabel(column.label());
        select.setItems(column.options());
        select.setValue(value == null ? column.options().getFirst() : String.valueOf(value));
        select.getStyle().set("flex", "0 1 " + column.width()).set("min-width", "5rem");
        reader.put(column.key(), select::getValue);
        field = select;
      } else {
        TextField text = new TextField(column.label());
        text.setValue(value == null ? "" : String.valueOf(value));
        text.getStyle().set("flex", "1 1 " + column.width()).set("min-width", "5rem");
        reader.put(column.key(), () -> text.getValue().strip());
        field = text;
      }
      field.setId(fieldId);
      row.add(field);
    }
    // what a row holds beyond the columns shown (an input's description from an import) is kept as it was
    values.forEach((key, value) -> {
      if (!reader.containsKey(key) && value != null) {
        reader.put(key, () -> value);
      }
    });
    Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
    remove.setId(id + "-" + index + "-remove");
    remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
    remove.setAriaLabel("Remove");
    remove.addClickListener(e -> {
      rows.remove(row);
      readers.remove(reader);
    });
    row.add(remove);
    readers.add(reader);
    rows.add(row);
  }
}
