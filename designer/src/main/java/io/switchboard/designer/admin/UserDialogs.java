package io.switchboard.designer.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.model.UserAccount;
import java.util.EnumSet;
import java.util.Set;

/** The dialogs Administration opens on one user: edit, disable or enable, reset the password. */
final class UserDialogs {
  private static final String GENERATE = "Generate one and show it to me once";
  private static final String TYPE = "Type a new password";

  private final UserAccounts accounts;
  private final String admin;
  private final Runnable changed;

  UserDialogs(UserAccounts accounts, String admin, Runnable changed) {
    this.accounts = accounts;
    this.admin = admin;
    this.changed = changed;
  }

  /** A checkbox per role, labelled for people. */
  static CheckboxGroup<Role> roles(String id) {
    CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles", Role.values());
    roles.setItemLabelGenerator(Role::label);
    roles.setId(id);
    return roles;
  }

  void edit(UserAccount user) {
    Dialog dialog = new Dialog("Edit " + user.username());
    dialog.setId("edit-user-dialog");
    TextField displayName = new TextField("Display name");
    displayName.setId("edit-display-name");
    displayName.setHelperText("Shown in the header, on threads and wherever the user is named");
    displayName.setMaxLength(200);
    displayName.setWidthFull();
    displayName.setValue(user.displayName() == null ? "" : user.displayName());
    CheckboxGroup<Role> roles = roles("edit-roles");
    Set<Role> current = EnumSet.noneOf(Role.class);
    user.roles().forEach(r -> Role.of(r).ifPresent(current::add));
    roles.setValue(current);
    Button save = new Button("Save", e -> {
      accounts.update(user.username(), displayName.getValue(), Set.copyOf(roles.getValue()), admin);
      done(dialog, "Saved " + user.username());
    });
    save.setId("edit-user-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    dialog.add(displayName, roles);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.setWidth("32rem");
    dialog.open();
  }

  void toggle(UserAccount user) {
    if (user.enabled()) {
      ConfirmDialog confirm = new ConfirmDialog("Disable " + user.username() + "?",
          "They can no longer sign in, and API calls with their password are refused at once. A session they have "
              + "open ends at their next page change. You can enable them again later.", "Disable", e -> {
            accounts.setEnabled(user.username(), false, admin);
            Notices.done("Disabled " + user.username());
            changed.run();
          });
      confirm.setConfirmButtonTheme("error primary");
      confirm.setCancelable(true);
      confirm.setId("confirm-disable");
      confirm.open();
    } else {
      Notices.attempt(() -> accounts.setEnabled(user.username(), true, admin), "Enabled " + user.username()
          + "; they can sign in again");
      changed.run();
    }
  }

  void resetPassword(UserAccount user) {
    Dialog dialog = new Dialog("New password for " + user.username());
    dialog.setId("reset-password-dialog");
    RadioButtonGroup<String> how = new RadioButtonGroup<>("How", GENERATE, TYPE);
    how.setId("reset-how");
    how.setValue(GENERATE);
    PasswordField typed = new PasswordField("New password");
    typed.setId("reset-password");
    typed.setHelperText("At least 10 characters");
    typed.setVisible(false);
    typed.setWidthFull();
    how.addValueChangeListener(e -> typed.setVisible(TYPE.equals(e.getValue())));
    Paragraph note = new Paragraph("Their current password stops working at once; a session they have open stays.");
    Button save = new Button("Set password", e -> {
      boolean generate = GENERATE.equals(how.getValue());
      String password = generate ? UserAccounts.generatePassword() : typed.getValue();
      accounts.resetPassword(user.username(), password);
      dialog.close();
      changed.run();
      if (generate) {
        shownOnce(user.username(), password);
      } else {
        Notices.done("Password set for " + user.username());
      }
    });
    save.setId("reset-password-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    dialog.add(how, typed, note);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.setWidth("32rem");
    dialog.open();
  }

  private static void shownOnce(String username, String password) {
    TextField shown = new TextField("New password");
    shown.setId("generated-password");
    shown.setValue(password);
    shown.setReadOnly(true);
    shown.setWidthFull();
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setHeader("Password for " + username);
    dialog.setText(new com.vaadin.flow.component.html.Div(new Paragraph("Copy it now and pass it on: it is shown only "
        + "this once and is stored only as a hash."), shown));
    dialog.setConfirmText("Done");
    dialog.setId("generated-password-dialog");
    dialog.open();
  }

  private void done(Dialog dialog, String message) {
    dialog.close();
    Notices.done(message);
    changed.run();
  }
}
