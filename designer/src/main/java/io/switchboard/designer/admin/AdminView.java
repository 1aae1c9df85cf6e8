package io.switchboard.designer.admin;

import io.switchboard.runtime.model.ApiKey;
import io.switchboard.runtime.model.UserAccount;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.security.ApiKeys;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.designer.ui.EmptyState;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.service.OutboundAllowList;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;

/** Users and API keys. */
@Menu(title = "Administration", order = 90, icon = "vaadin:cog")
@Route("admin")
@PageTitle("Administration · Switchboard")
@RolesAllowed(Role.ADMIN)
public class AdminView extends VerticalLayout {
  private final UserAccounts accounts;
  private final ApiKeys apiKeys;
  private final String admin;
  private final Grid<UserAccount> userGrid = new Grid<>();
  private final Grid<ApiKey> keyGrid = new Grid<>();
  private final Grid<OutboundAllowList.Entry> allowGrid = new Grid<>();
  private final OutboundAllowList allowList;

  public AdminView(UserAccounts accounts, ApiKeys apiKeys, OutboundAllowList allowList,
      AuthenticationContext authentication) {
    this.allowList = allowList;
    this.accounts = accounts;
    this.apiKeys = apiKeys;
    this.admin = authentication.getPrincipalName().orElse(null);

    UserDialogs dialogs = new UserDialogs(accounts, admin, this::refresh);
    userGrid.setId("user-grid");
    userGrid.addColumn(UserAccount::username).setHeader("User").setAutoWidth(true);
    userGrid.addColumn(u -> u.displayName() == null ? "" : u.displayName()).setHeader("Display name").setFlexGrow(2);
    userGrid.addColumn(u -> Role.labels(u.roles())).setHeader("Roles").setFlexGrow(3);
    userGrid.addComponentColumn(AdminView::state).setHeader("State").setAutoWidth(true);
    userGrid.addComponentColumn(u -> userActions(u, dialogs)).setAutoWidth(true).setFlexGrow(0);
    userGrid.setAllRowsVisible(true);
    TextField username = new TextField("User name");
    username.setId("new-username");
    TextField displayName = new TextField("Display name");
    displayName.setId("new-display-name");
    PasswordField password = new PasswordField("Password");
    password.setId("new-password");
    CheckboxGroup<Role> roles = UserDialogs.roles("new-roles");
    Button addUser = new Button("Add user", e -> run(() -> {
      accounts.create(username.getValue(), password.getValue(), displayName.getValue(), Set.copyOf(roles.getValue()));
      username.clear();
      displayName.clear();
      password.clear();
      roles.clear();
    }, "User added"));
    addUser.setId("add-user");
    HorizontalLayout userForm = new HorizontalLayout(username, displayName, password, roles, addUser);
    userForm.setWrap(true);
    userForm.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

    keyGrid.setId("key-grid");
    keyGrid.addColumn(ApiKey::name).setHeader("Key");
    keyGrid.addColumn(k -> "sb_" + k.prefix() + "_…").setHeader("Starts with");
    keyGrid.addColumn(k -> Role.labels(k.roles())).setHeader("Roles");
    keyGrid.addColumn(k -> k.revokedAt() == null ? "active" : "revoked").setHeader("State");
    keyGrid.addComponentColumn(k -> {
      Button revoke = new Button("Revoke", e -> run(() -> apiKeys.revoke(k.id()), "Key revoked"));
      revoke.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR, ButtonVariant.TERTIARY);
      revoke.setEnabled(k.revokedAt() == null);
      return revoke;
    });
    keyGrid.setAllRowsVisible(true);
    TextField keyName = new TextField("Key name");
    keyName.setId("new-key-name");
    CheckboxGroup<Role> keyRoles = UserDialogs.roles("new-key-roles");
    Span shownOnce = new Span();
    shownOnce.setId("new-key-value");
    Button addKey = new Button("Create key", e -> run(() -> {
      ApiKeys.Created created = apiKeys.create(keyName.getValue().strip(), Set.copyOf(keyRoles.getValue()), admin);
      shownOnce.setText("Copy this key now, it is shown only once: " + created.key());
      keyName.clear();
      keyRoles.clear();
    }, "Key created"));
    addKey.setId("add-key");
    HorizontalLayout keyForm = new HorizontalLayout(keyName, keyRoles, addKey);
    keyForm.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

    allowGrid.setId("allow-grid");
    allowGrid.addColumn(OutboundAllowList.Entry::entry).setHeader("Host, address or range");
    allowGrid.addColumn(e -> source(e, accounts)).setHeader("From");
    allowGrid.addComponentColumn(entry -> {
      Button remove = new Button("Remove", e -> run(() -> allowList.remove(entry.entry()), "Removed " + entry.entry()));
      remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR, ButtonVariant.TERTIARY);
      remove.setVisible(entry.source().equals("admin"));
      return remove;
    });
    allowGrid.setAllRowsVisible(true);
    TextField allowEntry = new TextField("Host name, address or CIDR range");
    allowEntry.setId("new-allow-entry");
    allowEntry.setPlaceholder("crm.internal, 10.1.2.3 or 10.0.0.0/8");
    Button allow = new Button("Allow", e -> run(() -> {
      allowList.add(allowEntry.getValue(), admin);
      allowEntry.clear();
    }, "Allowed"));
    allow.setId("add-allow-entry");
    HorizontalLayout allowForm = new HorizontalLayout(allowEntry, allow);
    allowForm.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    Span allowHelp = new Span("Data steps may not call loopback, private or link-local (cloud metadata) addresses "
        + "unless they are listed here.");

    new EmptyState("No API keys yet. A key lets a machine client, such as a CRM or a script, call the API with "
        + "the roles you give it.", "Create the first key", e -> keyName.focus()).on(keyGrid);
    new EmptyState("Nothing is allowed beyond public addresses yet.", "Allow a host", e -> allowEntry.focus())
        .on(allowGrid);
    Span userHelp = new Span("A disabled user cannot sign in; a session they have open ends at their next page change.");
    add(new H2("Administration"), new H3("Users"), userHelp, userGrid, userForm, new H3("API keys"), keyGrid, keyForm, shownOnce,
        new H3("Outbound allow-list"), allowHelp, allowGrid, allowForm);
    refresh();
  }

  private static Span state(UserAccount user) {
    Span state = new Span(user.enabled() ? "Active" : "Disabled");
    state.getElement().getThemeList().add(user.enabled() ? "badge success" : "badge contrast");
    return state;
  }

  private HorizontalLayout userActions(UserAccount user, UserDialogs dialogs) {
    Button edit = new Button("Edit", e -> dialogs.edit(user));
    edit.setId("edit-user-" + user.username());
    Button toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> dialogs.toggle(user));
    toggle.setId((user.enabled() ? "disable-user-" : "enable-user-") + user.username());
    Button reset = new Button("Reset password", e -> dialogs.resetPassword(user));
    reset.setId("reset-user-" + user.username());
    for (Button b : new Button[] {edit, toggle, reset}) {
      b.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
    }
    toggle.setEnabled(!user.username().equals(admin));
    return new HorizontalLayout(edit, toggle, reset);
  }

  /** Where an allow-list entry comes from, for a person: the configuration, or the admin who added it. */
  static String source(OutboundAllowList.Entry entry, UserAccounts accounts) {
    if (!entry.source().equals("admin")) {
      return "Set in the server configuration";
    }
    return entry.addedBy() == null ? "Added by an administrator" : "Added by " + accounts.shownName(entry.addedBy());
  }

  private void run(Runnable action, String done) {
    Notices.attempt(action, done);
    refresh();
  }

  private void refresh() {
    userGrid.setItems(accounts.list());
    keyGrid.setItems(apiKeys.list());
    allowGrid.setItems(allowList.entries());
  }
}
