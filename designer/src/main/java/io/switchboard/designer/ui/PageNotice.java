package io.switchboard.designer.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.security.Role;

/**
 * What the error pages share: a heading, a sentence saying what happened and what to do, and links
 * to where the user can go on. The text is always ours, never an exception's.
 */
abstract class PageNotice extends VerticalLayout {
  private final AuthenticationContext authentication;

  PageNotice(AuthenticationContext authentication) {
    this.authentication = authentication;
    setId("page-notice");
    setPadding(true);
    setMaxWidth("44rem");
  }

  /** Replaces what the page shows; the links lead Home and, for those who may open them, to the flows. */
  void show(VaadinIcon icon, String heading, String sentence) {
    removeAll();
    Icon glyph = icon.create();
    glyph.setSize("3rem");
    glyph.getStyle().set("color", "var(--lumo-contrast-50pct)");
    H2 title = new H2(heading);
    title.setId("page-notice-title");
    Paragraph text = new Paragraph(sentence);
    text.getStyle().set("color", "var(--lumo-secondary-text-color)");
    HorizontalLayout links = new HorizontalLayout(link("Home", ""));
    if (authentication.hasAnyRole(Role.DESIGNER, Role.ADMIN)) {
      links.add(link("Flows", "flows"));
    }
    add(glyph, title, text, links);
  }

  private static Anchor link(String text, String path) {
    // a plain link reloads the page and so leaves the error state behind, whatever the router holds
    Anchor link = new Anchor(path.isEmpty() ? "." : path, text);
    link.setId("page-notice-" + (path.isEmpty() ? "home" : path));
    return link;
  }

  /** The path the user asked for, as they typed it, for the sentence. */
  static String shown(String path) {
    String shown = "/" + path;
    return shown.length() > 80 ? shown.substring(0, 79) + "…" : shown;
  }
}
