package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

/** What browser tests do in the flow editor's frame, whichever screen they test. */
public final class EditorPage {
  private EditorPage() {
  }

  /**
   * Shows a tab of the editor's bottom drawer, unfolding it if it was folded.
   *
   * @param key {@code problems}, {@code test-run}, {@code variables}, {@code versions} or {@code source}
   */
  public static void openTab(Page page, String key) {
    page.locator("#drawer-tab-" + key).click();
    assertThat(page.locator("#drawer-tab-" + key)).hasAttribute("selected", "");
    assertThat(page.locator("#editor-drawer")).not().hasAttribute("folded", "");
  }

  /** Where the divider of a split layout (found by a CSS selector) is on the screen. */
  static BoundingBox splitter(Page page, String splitLayout) {
    @SuppressWarnings("unchecked")
    java.util.Map<String, Number> box = (java.util.Map<String, Number>) page.evaluate("selector => { const r = document"
        + ".querySelector(selector).shadowRoot.querySelector('[part=splitter]').getBoundingClientRect();"
        + " return {x: r.x, y: r.y, width: r.width, height: r.height}; }", splitLayout);
    BoundingBox result = new BoundingBox();
    result.x = box.get("x").doubleValue();
    result.y = box.get("y").doubleValue();
    result.width = box.get("width").doubleValue();
    result.height = box.get("height").doubleValue();
    return result;
  }

  /** Drags a split layout's divider by this many pixels, the way a mouse does. */
  static void dragSplitter(Page page, String splitLayout, double dx, double dy) {
    BoundingBox box = splitter(page, splitLayout);
    double x = box.x + box.width / 2;
    double y = box.y + box.height / 2;
    page.mouse().move(x, y);
    page.mouse().down();
    page.mouse().move(x + dx / 2, y + dy / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
    page.mouse().move(x + dx, y + dy, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
    page.mouse().up();
  }

  /** True while the page itself does not scroll: every part of the screen fits the window. */
  static boolean pageDoesNotScroll(Page page) {
    return (Boolean) page.evaluate("() => document.scrollingElement.scrollHeight <= window.innerHeight"
        + " && document.scrollingElement.scrollWidth <= window.innerWidth");
  }

  /** Saves a screenshot of the window under target/screenshots. */
  static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots", name + ".png")));
  }
}
