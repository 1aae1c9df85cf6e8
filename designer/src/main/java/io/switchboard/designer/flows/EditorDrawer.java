package io.switchboard.designer.flows;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.function.SerializableRunnable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The editor's bottom drawer: a strip of tabs (problems, test run, variables, versions, source) over
 * the selected tab's panel. It can fold down to its strip; the shell around it decides how tall it is.
 */
final class EditorDrawer extends Composite<Div> {
  private final Tabs tabs = new Tabs();
  private final Div panels = new Div();
  private final Button toggle = new Button();
  private final Map<String, Tab> tabsByKey = new LinkedHashMap<>();
  private final Map<Tab, Component> panelsByTab = new LinkedHashMap<>();
  private boolean open = true;
  private SerializableRunnable onChange = () -> {};

  EditorDrawer() {
    Div strip = new Div(tabs, toggle);
    strip.addClassName("sb-drawer-strip");
    tabs.addThemeVariants(com.vaadin.flow.component.tabs.TabsVariant.LUMO_SMALL);
    tabs.addSelectedChangeListener(e -> {
      showSelected();
      if (e.isFromClient()) {
        setOpen(true);
        onChange.run();
      }
    });
    toggle.setId("drawer-toggle");
    toggle.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
    toggle.addClickListener(e -> {
      setOpen(!open);
      onChange.run();
    });
    panels.addClassName("sb-drawer-panels");
    getContent().setId("editor-drawer");
    getContent().addClassName("sb-editor-drawer");
    getContent().add(strip, panels);
    // folded on a first visit: the canvas and the whole palette come first, a tab opens the drawer
    setOpen(false);
  }

  /** Adds a tab with the id {@code drawer-tab-<key>} showing this panel. */
  void addTab(String key, String label, Component panel) {
    Tab tab = new Tab(label);
    tab.setId("drawer-tab-" + key);
    // the selected tab of a folded drawer fires no selection change: a click on it unfolds the drawer
    tab.getElement().addEventListener("click", e -> {
      if (!open) {
        setOpen(true);
        onChange.run();
      }
    });
    tabsByKey.put(key, tab);
    panelsByTab.put(tab, panel);
    tabs.add(tab);
    panel.getElement().getClassList().add("sb-drawer-panel");
    panels.add(panel);
    showSelected();
  }

  void setLabel(String key, String label) {
    tabsByKey.get(key).setLabel(label);
  }

  /** Shows this tab's panel (and opens the drawer if it was folded). */
  void select(String key) {
    Tab tab = tabsByKey.get(key);
    if (tab != null) {
      tabs.setSelectedTab(tab);
      showSelected();
    }
  }

  String selected() {
    Tab tab = tabs.getSelectedTab();
    return tabsByKey.entrySet().stream().filter(e -> e.getValue() == tab).map(Map.Entry::getKey).findFirst()
        .orElse(null);
  }

  boolean isOpen() {
    return open;
  }

  void setOpen(boolean open) {
    this.open = open;
    panels.setVisible(open);
    getContent().getElement().setAttribute("folded", !open);
    showToggle();
  }

  /** Called when the user picks a tab or folds or unfolds the drawer. */
  void onChange(SerializableRunnable listener) {
    this.onChange = listener;
  }

  private void showSelected() {
    Tab selected = tabs.getSelectedTab();
    panelsByTab.forEach((tab, panel) -> panel.setVisible(tab == selected));
  }

  private void showToggle() {
    toggle.setIcon((open ? VaadinIcon.CHEVRON_DOWN : VaadinIcon.CHEVRON_UP).create());
    toggle.setText(open ? "Hide" : "Show");
    toggle.setAriaLabel(open ? "Fold the drawer down" : "Unfold the drawer");
  }
}
