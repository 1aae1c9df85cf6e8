package io.switchboard.designer.routing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.runtime.routing.Region;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Consumer;

/** Adds or edits one region of the working copy; the tree is checked when it is saved. */
final class RegionDialog extends Dialog {
  private final TextField name = new TextField("Name");
  private final TextField id = new TextField("Id");
  private final TextField countries = new TextField("Countries (ISO codes, comma-separated)");
  private final TextField areas = new TextField("Areas (place names, comma-separated)");
  private final TextField prefixes = new TextField("Number prefixes (comma-separated)");

  RegionDialog(Region existing, String parent, String parentName, Consumer<Region> done) {
    setHeaderTitle(existing != null ? "Edit region " + existing.name()
        : parent == null ? "New country or top region" : "New region in " + parentName);
    name.setId("region-name");
    id.setId("region-id");
    id.setHelperText("lower-case letters, digits, - or _; made from the name when empty");
    countries.setId("region-countries");
    countries.setPlaceholder("PL");
    areas.setId("region-areas");
    areas.setPlaceholder("Warszawa");
    prefixes.setId("region-prefixes");
    prefixes.setPlaceholder("+4822");
    if (existing != null) {
      name.setValue(existing.name());
      id.setValue(existing.id());
      countries.setValue(String.join(", ", existing.countries()));
      areas.setValue(String.join(", ", existing.areas()));
      prefixes.setValue(String.join(", ", existing.prefixes()));
    }
    FormLayout form = new FormLayout(name, id, countries, areas, prefixes);
    form.setColspan(areas, 2);
    form.setColspan(prefixes, 2);
    Span note = new Span("Changes are kept here until you save the tree.");
    note.addClassName("sb-routing-muted");
    add(form, note);
    setWidth("600px");
    Button ok = new Button("OK", e -> {
      String slug = id.getValue().isBlank() ? slug(name.getValue()) : id.getValue().strip();
      done.accept(new Region(slug, name.getValue().strip(), existing != null ? existing.parent() : parent,
          RoutingText.list(countries.getValue()), RoutingText.list(areas.getValue()),
          RoutingText.list(prefixes.getValue())));
      close();
    });
    ok.setId("region-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", e -> close()), ok);
  }

  /** {@code Małopolskie} → {@code malopolskie}. */
  static String slug(String name) {
    String plain = Normalizer.normalize(name.replace('ł', 'l').replace('Ł', 'L'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }
}
