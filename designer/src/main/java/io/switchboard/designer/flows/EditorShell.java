package io.switchboard.designer.flows;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import io.switchboard.designer.flows.canvas.FlowCanvas;
import io.switchboard.flow.json.FlowJson;
import tools.jackson.databind.JsonNode;

/**
 * The editor's work area: the palette in a column as tall as the editor, then the canvas over the
 * bottom drawer, beside the properties inspector with the minimap under it, so that neither the
 * drawer shortens the palette nor anything lies over the nodes. The user drags both dividers and
 * folds the drawer; where they left them, and the drawer's tab, are kept in the browser
 * (localStorage) and come back on the next page load.
 */
final class EditorShell extends Composite<Div> {
  /** The browser's localStorage key of the layout. */
  static final String STORAGE_KEY = "switchboard.editor.layout";
  /** A drawer dragged lower than this share of the height folds to its tab strip. */
  private static final double FOLD_BELOW = 8;

  private final SplitLayout work = new SplitLayout(SplitLayout.Orientation.VERTICAL);
  private final EditorDrawer drawer;
  private double drawerPercent = 38;
  private double inspectorPercent = 27;

  private final SplitLayout main = new SplitLayout();

  EditorShell(FlowCanvas canvas, Component inspector, EditorDrawer drawer) {
    this.drawer = drawer;
    Div palette = new Div();
    palette.setId("canvas-palette");
    palette.addClassName("sb-palette-host");
    Div minimap = new Div();
    minimap.setId("canvas-minimap");
    minimap.addClassName("sb-minimap-host");
    Div side = new Div(inspector, minimap);
    side.addClassName("sb-editor-side");
    canvas.showPaletteIn(palette);
    canvas.showMinimapIn(minimap);

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

    main.setId("editor-shell");
    main.addClassName("sb-editor-shell");
    main.addToPrimary(work);
    main.addToSecondary(side);
    main.addSplitterDragEndListener(e -> {
      inspectorPercent = clamp(100 - main.getSplitterPosition(), 15, 60);
      applyAndSave();
    });
    getContent().addClassName("sb-editor-frame");
    getContent().add(palette, main);
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
    main.setSplitterPosition(100 - inspectorPercent);
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
