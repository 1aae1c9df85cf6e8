package io.switchboard.designer.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import java.util.Map;

/**
 * The page around every screen: the Lumo theme, the app's icon, and server push so that the desk and
 * the supervisor view update live.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
public class AppShell implements AppShellConfigurator {

  /** Declares the icon, so that browsers take the SVG and do not fall back to asking for /favicon.ico. */
  @Override
  public void configurePage(AppShellSettings settings) {
    settings.addLink("favicon.svg", Map.of("rel", "icon", "type", "image/svg+xml"));
  }
}
