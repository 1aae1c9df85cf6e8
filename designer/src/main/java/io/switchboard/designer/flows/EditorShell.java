package io.switchboard.designer.flows;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import io.switchboard.flow.json.FlowJson;
import tools.jackson.databind.JsonNode;

/**
 * The editor's work area: the canvas over the bottom drawer, beside the properties inspector. The
 * user drags both dividers and folds the drawer; where they left them, and the drawer's tab, are
 * kept in the browser (localStorage) and come back on the next page load.
 */
final class EditorShell extends Composite<SplitLayout> {
  /** The browser's localStorage key of the layout. */
  static final String STORAGE_KEY = "switchboard.editor.layout";
  /** A drawer dragged lower than this share of the height folds to its tab strip. */
  private static final double FOLD_BELOW = 8;

  private final SplitLayout work = new SplitLayout(SplitLayout.Orientation.VERTICAL);
  private final EditorDrawer drawer;
  private double drawerPercent = 38;
  private double inspectorPercent = 27;

  EditorShell(Component canvas, Component inspector, EditorDrawer drawer) {
    this.drawer = drawer;
    work.addClassName("sb-editor-work");
    work.addToPrimary(canvas);
    work.addToSecondary(drawer);
    work.setSizeFull();
    work.addSplitterDragEndListener(e -> {
      double dragged = 100 - work.getSplitterPosition();
      if (dragged < FOLD_BELOW) {
        drawer.setOpen(false);
      } else {
        drawerPercent = Math.min(dragged, 85);
        drawer.setOpen(true);
      }
      applyAndSave();
    });
    drawer.onChange(this::applyAndSave);

    SplitLayout main = getContent();
    main.setId("editor-shell");
    main.addClassName("sb-editor-shell");
    main.addToPrimary(work);
    main.addToSecondary(inspector);
    main.addSplitterDragEndListener(e -> {
      inspectorPercent = clamp(100 - main.getSplitterPosition(), 15, 60);
      applyAndSave();
    });
    apply();
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    getElement().executeJs("return window.localStorage.getItem($0)", STORAGE_KEY).then(String.class, this::restore);
  }

  /** The layout the user left here last time, if any. */
  private void restore(String saved) {
    if (saved == null || saved.isBlank()) {
      return;
    }
    JsonNode state;
    try {
      state = FlowJson.readTree(saved);
    } catch (RuntimeException unreadable) {
      return; // a layout another version of the screen wrote: the defaults do
    }
    drawerPercent = clamp(state.path("drawer").asDouble(drawerPercent), FOLD_BELOW, 85);
    inspectorPercent = clamp(state.path("inspector").asDouble(inspectorPercent), 15, 60);
    if (state.path("tab").isString()) {
      drawer.select(state.path("tab").asString());
    }
    drawer.setOpen(state.path("open").asBoolean(false));
    apply();
  }

  private void apply() {
    work.setSplitterPosition(drawer.isOpen() ? 100 - drawerPercent : 100);
    getContent().setSplitterPosition(100 - inspectorPercent);
  }

  private void applyAndSave() {
    apply();
    var state = FlowJson.mapper().createObjectNode().put("open", drawer.isOpen()).put("tab", drawer.selected())
        .put("drawer", drawerPercent).put("inspector", inspectorPercent);
    getElement().executeJs("window.localStorage.setItem($0, $1)", STORAGE_KEY, FlowJson.compact(state));
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
