package io.switchboard.designer.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.admin.AdminView;
import io.switchboard.designer.flows.FlowListView;
import io.switchboard.designer.integrations.IntegrationsView;

/** The frame around every screen: navigation to what the user's roles may open, and sign-out. */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

  public MainLayout(AuthenticationContext authentication, AccessAnnotationChecker access) {
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
    // the Vaadin icon set is also what the canvas draws node types with (schemas name "vaadin:…" icons)
    nav.addItem(new SideNavItem("Home", HomeView.class, VaadinIcon.HOME.create()));
    if (access.hasAccess(FlowListView.class)) {
      nav.addItem(new SideNavItem("Flows", FlowListView.class, VaadinIcon.FLIP_V.create()));
    }
    if (access.hasAccess(IntegrationsView.class)) {
      nav.addItem(new SideNavItem("Integrations", IntegrationsView.class, VaadinIcon.CONNECT.create()));
    }
    if (access.hasAccess(AdminView.class)) {
      nav.addItem(new SideNavItem("Administration", AdminView.class, VaadinIcon.COG.create()));
    }
    addToDrawer(nav);
  }
}
