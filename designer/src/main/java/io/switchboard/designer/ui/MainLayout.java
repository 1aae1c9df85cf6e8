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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.security.LoginView;
import io.switchboard.designer.security.UserAccounts;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

/**
 * The frame around every screen: navigation to what the user's roles may open, and sign-out. Screens
 * put themselves in the menu with {@code @Menu}; Vaadin leaves out those the user may not open. The
 * header names the signed-in person by their display name.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements BeforeEnterObserver {
  private final AuthenticationContext authentication;
  private final UserAccounts accounts;

  public MainLayout(AuthenticationContext authentication, UserAccounts accounts) {
    this.authentication = authentication;
    this.accounts = accounts;
    H2 title = new H2("Switchboard");
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
    HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    header.setWidthFull();
    authentication.getPrincipalName().ifPresent(name -> {
      // the display name for people; the user name stays visible (and is what tests and support ask for)
      String shown = accounts.shownName(name);
      Span person = new Span(shown);
      person.setId("current-user-name");
      person.getStyle().set("font-weight", "600");
      person.setVisible(!shown.equals(name));
      Span user = new Span(name);
      user.setId("current-user");
      if (!shown.equals(name)) {
        user.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
      }
      Button signOut = new Button("Sign out", e -> authentication.logout());
      signOut.setId("sign-out");
      HorizontalLayout right = new HorizontalLayout(person, user, signOut);
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

  /**
   * A user an admin disabled keeps an open session only until the next page change: the screens are
   * left for the sign-in page, which says why.
   */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    authentication.getPrincipalName().filter(name -> !accounts.mayUseScreens(name)).ifPresent(name -> {
      // Not AuthenticationContext.logout(): it sends the browser to the sign-out target too, and whichever
      // location the browser takes last wins, so the sign-in page would not always say why.
      event.getUI().getPage().setLocation("login?" + LoginView.DISABLED);
      new SecurityContextLogoutHandler().logout(VaadinServletRequest.getCurrent().getHttpServletRequest(), null, null);
    });
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
