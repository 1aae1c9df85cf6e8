package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.NodeType;
import io.switchboard.runtime.service.FlowService;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The canvas at 1366x768 as a designer uses it: the palette shows every node type at once, finds
 * one by name and folds away, and keeps its height when the drawer opens; nothing is drawn over the
 * nodes (the buttons sit above the pane, the minimap under the properties) and a node dropped on
 * the minimap lands on the canvas where it was dropped; a second trigger is refused with a sentence; an edit made in the
 * properties panel is undone by one Ctrl+Z on the canvas.
 */
@SharedApp
class CanvasIT {
  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @Value("${local.server.port}")
  int port;

  @Autowired
  FlowService flows;

  @Test
  void thePaletteShowsEveryNodeTypeFindsOneAndFolds() {
    Page page = open("canvas-palette");
    Locator palette = page.locator(".sb-palette");
    BoundingBox frame = palette.boundingBox();
    for (NodeType type : NodeType.values()) {
      Locator item = page.locator(".sb-palette-item[data-type='" + type.id() + "']");
      assertThat(item).isVisible();
      BoundingBox box = item.boundingBox();
      assertTrue(box.y >= frame.y && box.y + box.height <= frame.y + frame.height,
          type.id() + " lies outside the palette's " + frame.height + " px: at " + box.y + "+" + box.height);
    }
    assertTrue((Boolean) page.evaluate("() => { const g = document.querySelector('.sb-palette-groups');"
        + " return g.scrollHeight <= g.clientHeight; }"), "the palette scrolls to reach a node type");
    assertThat(palette.locator(".sb-palette-heading")).containsText(new String[] {"Start and end", "Messages", "Data",
        "Logic", "Routing", "Agent desk", "Tickets"});
    assertThat(page.locator(".sb-palette-item[data-type='wait']")).hasAttribute("title",
        java.util.regex.Pattern.compile(".+"));
    screenshot(page, "canvas-palette");

    page.getByLabel("Search steps").fill("wait");
    assertThat(palette.locator(".sb-palette-item")).hasCount(1);
    assertThat(palette.locator(".sb-palette-item")).hasText("Wait");
    page.getByLabel("Search steps").fill("no such step");
    assertThat(palette).containsText("No step matches");
    page.getByLabel("Search steps").fill("");

    page.getByLabel("Fold the palette").click();
    assertTrue(palette.boundingBox().width < 50, "the folded palette is a strip of icons");
    // every node type, besides the data steps other tests may have registered
    assertThat(palette.locator(".sb-palette-item:not(.sb-palette-preset)")).hasCount(NodeType.values().length);
    screenshot(page, "canvas-palette-folded");
    page.reload();
    assertThat(page.getByLabel("Show the palette")).isVisible();
    assertTrue(page.locator(".sb-palette").boundingBox().width < 50, "the palette stays folded after a reload");
    page.getByLabel("Show the palette").click();
    assertThat(page.getByLabel("Search steps")).isVisible();
  }

  @Test
  void nothingIsDrawnOverTheNodesAndADropOnTheMinimapLandsOnTheCanvas() {
    Page page = open("canvas-overlay");
    // the minimap takes room from the properties, so it shows when asked for, and stays so
    assertThat(page.locator(".react-flow__minimap")).hasCount(0);
    page.getByLabel("Show the minimap").click();
    Locator pane = page.locator(".react-flow__pane");
    Locator minimap = page.locator("#canvas-minimap .react-flow__minimap");
    Locator bar = page.locator(".sb-canvas-bar");
    assertThat(minimap).isVisible();
    // the zoom buttons, the minimap and "Tidy up" lie outside the pane, so no pan or zoom brings a node under them
    assertFalse(overlaps(pane.boundingBox(), minimap.boundingBox()), "the minimap lies over the pane");
    assertFalse(overlaps(pane.boundingBox(), bar.boundingBox()), "the canvas's buttons lie over the pane");
    assertThat(page.locator(".react-flow__controls, .react-flow__pane .react-flow__panel:not(.react-flow__attribution)")).hasCount(0);
    assertThat(bar.getByLabel("Zoom in")).isVisible();
    assertThat(bar.getByLabel("Fit the flow in view")).isVisible();
    assertThat(bar.getByText("Tidy up")).isVisible();

    Locator map = page.locator("#canvas-minimap .sb-map");
    BoundingBox box = map.boundingBox();
    page.locator(".sb-palette-item[data-type='end']").dragTo(map,
        new Locator.DragToOptions().setTargetPosition(box.width * 0.8, box.height * 0.8).setForce(true));
    Locator dropped = page.locator(".react-flow__node[data-id='end2']");
    assertThat(dropped).isVisible();
    page.waitForCondition(() -> flows.draft("canvas-overlay").document().path("nodes").size() == 3);
    page.waitForTimeout(400); // the view glides to the new node
    assertTrue(inside(dropped.boundingBox(), pane.boundingBox()), "the view does not show the node dropped on the minimap");
    screenshot(page, "canvas-overlay-drop");

    page.getByLabel("Hide the minimap").click();
    assertThat(minimap).hasCount(0);
    page.reload();
    assertThat(page.locator(".react-flow__node")).hasCount(3);
    assertThat(page.locator(".react-flow__minimap")).hasCount(0);
    page.getByLabel("Show the minimap").click();
    assertThat(page.locator(".react-flow__minimap")).isVisible();
  }

  @Test
  void thePaletteKeepsTheEditorsFullHeightWhenTheDrawerIsOpen() {
    Page page = open("canvas-palette-height");
    page.locator("#drawer-toggle").click();
    assertThat(page.locator("#editor-drawer")).not().hasAttribute("folded", "");
    BoundingBox palette = page.locator(".sb-palette").boundingBox();
    BoundingBox drawer = page.locator("#editor-drawer").boundingBox();
    assertTrue(palette.x + palette.width <= drawer.x + 1, "the drawer reaches under the palette");
    assertTrue(palette.y + palette.height >= drawer.y + drawer.height - 2, "the palette ends above the drawer");
    assertTrue((Boolean) page.evaluate("() => { const g = document.querySelector('.sb-palette-groups');"
        + " return g.scrollHeight <= g.clientHeight + 1; }"), "the palette scrolls with the drawer open");
    screenshot(page, "canvas-drawer-open");
  }

  @Test
  void aSecondTriggerIsRefusedWithASentenceAndTheTriggerIsShown() {
    Page page = open("canvas-trigger");
    // with nothing selected, the properties say how the canvas is worked
    assertThat(page.locator("#canvas-tips")).containsText("Drag a step from the palette");
    dropAt(page, "trigger", centre(page.locator(".react-flow__pane").boundingBox()));
    assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
        .hasText("A flow has one trigger: change this one's channel in its properties");
    assertThat(page.locator(".react-flow__node")).hasCount(2);
    assertThat(page.locator(".react-flow__node[data-id='trigger1'] .sb-card")).hasClass(java.util.regex.Pattern.compile("sb-selected"));
    assertThat(page.locator("#node-properties")).containsText("trigger1");
    assertThat(page.locator("#canvas-tips")).isHidden();
    screenshot(page, "canvas-trigger-refused");
    assertEquals(2, flows.draft("canvas-trigger").document().path("nodes").size(), "the draft has a second trigger");
  }

  @Test
  void anEditInThePropertiesPanelIsUndoneByOneCtrlZ() throws InterruptedException {
    Page page = open("canvas-undo");
    Locator label = page.locator(".react-flow__node[data-id='end1'] .sb-label");
    page.locator(".react-flow__node[data-id='end1'] .sb-card-head").click();
    // two edits of the same field in a row are one step to undo
    editLabel(page, "Fin");
    assertThat(label).hasText("Fin");
    editLabel(page, "Finished");
    assertThat(label).hasText("Finished");
    assertThat(page.locator("#flow-state")).containsText("saved");

    clickEmptyCanvas(page);
    page.keyboard().press("Control+z");
    assertThat(label).hasText("Done");
    waitForDraftLabel("canvas-undo", "Done");
    page.keyboard().press("Control+Shift+z");
    assertThat(label).hasText("Finished");
    waitForDraftLabel("canvas-undo", "Finished");
  }

  /** Signs in and opens a flow of a trigger leading to an end, saved afresh for the test. */
  private Page open(String flowId) {
    flows.saveDraft(flowId, """
        {"format": "switchboard.flow/1", "id": "%s", "name": "Canvas %s", "variables": [],
         "nodes": [{"id": "trigger1", "type": "trigger", "config": {"channel": "message"}},
                   {"id": "end1", "type": "end", "label": "Done", "config": {"outcome": "done"}}],
         "edges": [{"from": "trigger1", "port": "next", "to": "end1"}],
         "layout": {"trigger1": {"x": 0, "y": 0}, "end1": {"x": 0, "y": 180}}}""".formatted(flowId, flowId), "admin", null);
    Page page = BROWSER.signIn(port, "admin", SharedApp.ADMIN_PASSWORD, 1366, 768);
    page.navigate("http://127.0.0.1:" + port + "/flows/" + flowId);
    assertThat(page.locator(".react-flow__node")).hasCount(2);
    return page;
  }

  private static void editLabel(Page page, String text) {
    page.locator("#node-label input").fill(text);
    Locator apply = page.locator("#apply-node");
    if (apply.count() > 0 && apply.isVisible()) {
      apply.click();
    }
  }

  /** A click on the pane where no node is: the canvas has the keyboard, no node is selected. */
  private static void clickEmptyCanvas(Page page) {
    BoundingBox pane = page.locator(".react-flow__pane").boundingBox();
    page.mouse().click(pane.x + pane.width / 2 + 200, pane.y + 30);
  }

  private void waitForDraftLabel(String flowId, String label) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    String saved = "";
    while (System.currentTimeMillis() < deadline) {
      saved = flows.draft(flowId).document().path("nodes").get(1).path("label").asString("");
      if (saved.equals(label)) {
        return;
      }
      Thread.sleep(100);
    }
    assertEquals(label, saved, "the draft's label after undo or redo");
  }

  /** Drags a palette entry onto the page at a point (over the pane, or over something drawn on it). */
  private static void dropAt(Page page, String type, double[] point) {
    BoundingBox pane = page.locator(".react-flow__pane").boundingBox();
    page.locator(".sb-palette-item[data-type='" + type + "']").dragTo(page.locator(".react-flow__pane"),
        new Locator.DragToOptions().setTargetPosition(point[0] - pane.x, point[1] - pane.y).setForce(true));
  }

  private static double[] centre(BoundingBox box) {
    return new double[] {box.x + box.width / 2, box.y + box.height / 2};
  }

  private static boolean overlaps(BoundingBox a, BoundingBox b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  }

  private static boolean inside(BoundingBox inner, BoundingBox outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width
        && inner.y + inner.height <= outer.y + outer.height;
  }

  private static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png")));
  }
}
