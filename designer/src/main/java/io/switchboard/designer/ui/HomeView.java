package io.switchboard.designer.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The landing page. */
@Menu(title = "Home", order = 10, icon = "vaadin:home")
@Route("")
@PermitAll
@PageTitle("Switchboard")
public class HomeView extends VerticalLayout {
  public HomeView() {
    add(new H1("Switchboard"), new Paragraph("Orchestrating customer contact: flows, interactions, agents and cases."));
  }
}
