package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;

/** What a person does on the flow canvas, done with the mouse in a real browser. */
final class CanvasActions {
  private CanvasActions() {}

  /**
   * Creates a flow from the flow list, which opens it; returns once its canvas shows the trigger it
   * starts with (a drop before that would be counted wrong).
   */
  static void newFlow(Page page, int port, String name, String id) {
    page.navigate("http://127.0.0.1:" + port + "/flows");
    page.locator("#new-flow").click();
    page.locator("#flow-name input").fill(name);
    page.locator("#flow-name-save").click();
    page.waitForURL(java.util.regex.Pattern.compile(".*/flows/" + id + "$"));
    assertThat(page.locator(".react-flow__node")).hasCount(1);
  }

  /**
   * Drags a node type from the palette onto the canvas at a point of the pane, and waits for the node
   * to appear. A drag that starts while the page is still settling can be lost (as with a person's
   * hand); it is then done again, up to three times.
   */
  static void drop(Page page, String type, double x, double y) {
    Locator nodes = page.locator(".react-flow__node");
    int before = nodes.count();
    for (int attempt = 0; attempt < 3; attempt++) {
      page.locator(".sb-palette-item[data-type='" + type + "']").dragTo(page.locator(".react-flow__pane"),
          new Locator.DragToOptions().setTargetPosition(x, y).setForce(true));
      try {
        assertThat(nodes).hasCount(before + 1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
            .setTimeout(3000));
        return;
      } catch (AssertionError lost) {
        if (attempt == 2) {
          throw lost;
        }
      }
    }
  }

  /**
   * Drags from a node's output port to another node and waits for the edge. The cards grow and
   * shrink as problem badges come and go after each save, so a drag aimed at where a handle was a
   * moment ago can miss; it is then aimed again, up to three times.
   */
  static void connect(Page page, String from, String port, String to) {
    Locator edge = page.locator(".react-flow__edge[data-id='" + from + "." + port + "->" + to + "']");
    for (int attempt = 0; attempt < 3; attempt++) {
      var handle = page.locator(".react-flow__node[data-id='" + from + "'] .sb-port[data-port='" + port + "'] .react-flow__handle")
          .boundingBox();
      var target = page.locator(".react-flow__node[data-id='" + to + "'] .react-flow__handle.target").boundingBox();
      page.mouse().move(handle.x + handle.width / 2, handle.y + handle.height / 2);
      page.mouse().down();
      page.mouse().move(target.x + target.width / 2, target.y + target.height / 2, new Mouse.MoveOptions().setSteps(20));
      page.mouse().up();
      try {
        assertThat(edge).hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(3000));
        return;
      } catch (AssertionError missed) {
        if (attempt == 2) {
          throw missed;
        }
      }
    }
  }

  /** Selects a node and sets its label and config in the properties panel. */
  static void configure(Page page, String nodeId, String label, String config) {
    page.locator(".react-flow__node[data-id='" + nodeId + "'] .sb-card-head").click();
    // the heading names the node once its properties are shown (a form's help may mention any word)
    assertThat(page.locator("#node-properties h3")).hasText(java.util.regex.Pattern.compile("· " + nodeId + "$"));
    page.locator("#node-label input").fill(label);
    if (page.locator("#node-json-details[opened]").count() == 0) {
      page.locator("#node-json-details").getByText("JSON", new Locator.GetByTextOptions().setExact(true)).click();
    }
    // the JSON counts once typing pauses and it parses; no button to press
    page.locator("#node-config textarea").fill(config);
    assertThat(page.locator(".react-flow__node[data-id='" + nodeId + "'] .sb-label")).hasText(label);
  }
}
