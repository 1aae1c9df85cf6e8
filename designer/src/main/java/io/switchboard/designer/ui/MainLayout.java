package io.switchboard.designer.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The frame around every screen: navigation to what the user's roles may open, and sign-out. Screens
 * put themselves in the menu with {@code @Menu}; Vaadin leaves out those the user may not open.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

  public MainLayout(AuthenticationContext authentication) {
    H2 title = new H2("Switchboard");
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
    HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    header.setWidthFull();
    authentication.getPrincipalName().ifPresent(name -> {
      Span user = new Span(name);
      user.setId("current-user");
      Button signOut = new Button("Sign out", e -> authentication.logout());
      signOut.setId("sign-out");
      HorizontalLayout right = new HorizontalLayout(user, signOut);
      right.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
      right.getStyle().set("margin-left", "auto").set("margin-right", "var(--lumo-space-m)");
      header.add(right);
    });
    addToNavbar(header);

    SideNav nav = new SideNav();
    for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
      nav.addItem(new SideNavItem(entry.title(), entry.path(), icon(entry.icon())));
    }
    addToDrawer(nav);
  }

  /** The Vaadin icon set is also what the canvas draws node types with (schemas name "vaadin:…" icons). */
  private static Icon icon(String name) {
    if (name == null || !name.contains(":")) {
      return null;
    }
    String[] parts = name.split(":", 2);
    return new Icon(parts[0], parts[1]);
  }
}
