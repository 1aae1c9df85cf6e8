package io.switchboard.designer.tickets;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.switchboard.designer.ui.Notices;

/** The pieces the ticketing admin tabs share: a row's change and delete buttons, a dialog's Cancel and Save. */
final class AdminParts {
  private AdminParts() {}

  /** Change and delete buttons for a grid row; a refused delete shows the service's reason. */
  static Component rowActions(String name, Runnable change, Runnable delete, String deleted, Runnable refresh) {
    Button edit = new Button(VaadinIcon.EDIT.create(), e -> change.run());
    edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    edit.setAriaLabel("Change " + name);
    Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
      Notices.attempt(delete, deleted);
      refresh.run();
    });
    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    remove.setAriaLabel("Delete " + name);
    return new HorizontalLayout(edit, remove);
  }

  /**
   * Cancel and a primary Save in the dialog's footer; {@code save} answers whether the service took
   * it, and only then the dialog closes and {@code saved} runs.
   */
  static void footer(Dialog dialog, String saveId, java.util.function.BooleanSupplier save, Runnable saved) {
    Button ok = new Button("Save", e -> {
      if (save.getAsBoolean()) {
        dialog.close();
        saved.run();
      }
    });
    ok.setId(saveId);
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
  }
}
