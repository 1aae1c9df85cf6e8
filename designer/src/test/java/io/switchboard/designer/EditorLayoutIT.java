package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.switchboard.runtime.service.FlowService;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The flow editor's frame at 1366×768: it fills the window without a page scroll, the canvas takes
 * most of it, the bottom drawer switches tabs, folds, resizes and comes back as it was left. A test
 * run docked in it shows a refused fetch as a failure in full, steps by label and in milliseconds,
 * and what it only pretended to do as simulated, with the canvas still in view.
 */
@SharedApp
class EditorLayoutIT {
  private static final String FLOW = "layout-priority";
  private static final String RUN_FLOW = "dock-refused-fetch";
  /** A cloud metadata address: the outbound guard refuses it whatever an admin allowed. */
  private static final String REFUSED_URL = "http://169.254.169.254/latest/customer";
  private static final String COMMENT = "VIP callers go straight to the SIP line; everyone else waits in the regular queue";

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @Value("${local.server.port}")
  int port;

  @Autowired
  FlowService flows;

  @Autowired
  io.switchboard.runtime.service.DataStepService dataSteps;

  @BeforeEach
  void aPublishedPriorityRoutingFlow() {
    if (flows.list().stream().noneMatch(f -> FLOW.equals(f.id()))) {
      dataSteps.create(io.switchboard.flow.json.FlowJson.readTree("""
          {"id": "layout-crm", "name": "Layout CRM", "url": "http://127.0.0.1:9/lookup",
           "query": {"q": "{{ input.phone }}"}, "inputs": [{"name": "phone", "required": true}]}"""), "admin");
      flows.saveDraft(FLOW, Examples.priorityRouting().replace("\"priority-routing\"", "\"" + FLOW + "\"")
          .replace("crm-customer", "layout-crm").replace("+48221234567", "+48221239915"), "admin", null);
      flows.publish(FLOW, COMMENT, "admin");
    }
  }

  private Page openEditor(int width, int height) {
    Page page = BROWSER.signIn(port, "admin", SharedApp.ADMIN_PASSWORD, width, height);
    page.navigate("http://127.0.0.1:" + port + "/flows/" + FLOW);
    assertThat(page.locator(".react-flow__node")).hasCount(5);
    return page;
  }

  @Test
  void theEditorFillsTheWindowAndTheCanvasTakesMostOfIt() {
    for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
      Page page = openEditor(size[0], size[1]);
      page.waitForCondition(() -> EditorPage.pageDoesNotScroll(page));
      BoundingBox canvas = page.locator("#flow-canvas").boundingBox();
      BoundingBox drawer = page.locator("#editor-drawer").boundingBox();
      BoundingBox inspector = page.locator("#node-properties").boundingBox();
      System.out.printf("editor at %dx%d: canvas %.0fx%.0f at y %.0f, drawer %.0f high, inspector %.0f wide%n", size[0],
          size[1], canvas.width, canvas.height, canvas.y, drawer.height, inspector.width);
      assertThat(canvas.width).isGreaterThanOrEqualTo(0.6 * size[0]);
      // the canvas and the drawer under it reach the bottom of the window, with nothing left over
      assertThat(drawer.y + drawer.height).isCloseTo(size[1], org.assertj.core.data.Offset.offset(3.0));
      assertThat(drawer.y).isGreaterThanOrEqualTo(canvas.y + canvas.height - 1);
      assertThat(canvas.y + canvas.height + drawer.height).isGreaterThan(size[1] - canvas.y - 20);
      assertThat(inspector.x).isGreaterThanOrEqualTo(canvas.x + canvas.width - 1);
      assertThat(inspector.x + inspector.width).isLessThanOrEqualTo(size[0] + 1);
      // the header is one row, and the publish comment shows its whole placeholder
      assertThat(page.locator("#publish").boundingBox().y).isLessThan(canvas.y);
      assertThat(page.locator("#flow-title").boundingBox().height).isLessThan(48);
      assertThat((Boolean) page.locator("#publish-comment input").evaluate("i => { const c = document.createElement("
          + "'canvas').getContext('2d'); c.font = getComputedStyle(i).font;"
          + " return c.measureText(i.placeholder).width <= i.clientWidth; }")).isTrue();
      EditorPage.screenshot(page, "editor-" + size[0]);
    }
  }

  @Test
  void theDrawerSwitchesTabsFoldsResizesAndComesBackAsItWasLeft() {
    Page page = openEditor(1366, 768);
    assertThat(page.locator("#drawer-tab-problems")).hasAttribute("selected", "");
    EditorPage.openTab(page, "variables");
    assertThat(page.locator("#variable-grid")).isVisible();
    assertThat(page.locator("#flow-problems")).not().isVisible();
    EditorPage.openTab(page, "test-run");
    assertThat(page.locator("#test-start")).isVisible();
    assertThat(page.locator("#variable-grid")).not().isVisible();

    double drawerBefore = page.locator("#editor-drawer").boundingBox().height;
    EditorPage.dragSplitter(page, ".sb-editor-work", 0, -80);
    page.waitForCondition(() -> page.locator("#editor-drawer").boundingBox().height > drawerBefore + 60);
    double inspectorBefore = page.locator("#node-properties").boundingBox().width;
    EditorPage.dragSplitter(page, "#editor-shell", 60, 0);
    page.waitForCondition(() -> page.locator("#node-properties").boundingBox().width < inspectorBefore - 40);
    double drawerHeight = page.locator("#editor-drawer").boundingBox().height;
    double inspectorWidth = page.locator("#node-properties").boundingBox().width;
    assertThat(EditorPage.pageDoesNotScroll(page)).isTrue();

    page.locator("#drawer-toggle").click();
    assertThat(page.locator("#editor-drawer")).hasAttribute("folded", "");
    page.waitForCondition(() -> page.locator("#editor-drawer").boundingBox().height < 50);
    assertThat(page.locator("#test-start")).not().isVisible();
    EditorPage.screenshot(page, "editor-drawer-folded-1366");

    page.reload();
    assertThat(page.locator(".react-flow__node")).hasCount(5);
    assertThat(page.locator("#editor-drawer")).hasAttribute("folded", "");
    assertThat(page.locator("#drawer-tab-test-run")).hasAttribute("selected", "");
    page.waitForCondition(() -> Math.abs(page.locator("#node-properties").boundingBox().width - inspectorWidth) < 4);
    page.locator("#drawer-tab-test-run").click();
    assertThat(page.locator("#editor-drawer")).not().hasAttribute("folded", "");
    assertThat(page.locator("#test-start")).isVisible();
    page.waitForCondition(() -> Math.abs(page.locator("#editor-drawer").boundingBox().height - drawerHeight) < 4);
  }

  @Test
  void versionsReadAsDatesWithTheWholeCommentAndTheSourceFillsItsTab() {
    Page page = openEditor(1366, 768);
    EditorPage.openTab(page, "versions");
    var grid = page.locator("#flow-versions");
    assertThat(grid).containsText("v1");
    assertThat(grid).containsText(Pattern.compile("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} · (just now|\\d+ min ago)"));
    var comment = grid.locator("vaadin-grid-cell-content").getByText(COMMENT);
    assertThat(comment).isVisible();
    assertThat((Boolean) comment.evaluate("e => e.scrollWidth <= e.clientWidth + 1")).isTrue();
    EditorPage.screenshot(page, "editor-versions-1366");

    EditorPage.openTab(page, "source");
    BoundingBox source = page.locator("#flow-document").boundingBox();
    BoundingBox canvas = page.locator("#flow-canvas").boundingBox();
    assertThat(source.width).isGreaterThan(canvas.width - 60);
    assertThat(source.height).isGreaterThan(120);
    assertThat((String) page.locator("#flow-document textarea").evaluate("t => getComputedStyle(t).fontFamily"))
        .containsIgnoringCase("mono");
    assertThat(page.locator("#apply-source")).isVisible();
    EditorPage.screenshot(page, "editor-source-1366");

    EditorPage.openTab(page, "versions");
    page.locator("#open-version-1").click();
    assertThat(page.locator("#read-only-banner")).containsText(Pattern.compile("Version 1 \\(read-only\\), published \\d{1,2} [A-Z]"));
    assertThat(page.locator("#restore-version")).isVisible();
    assertThat(EditorPage.pageDoesNotScroll(page)).isTrue();
  }

  @Test
  void anUnknownFlowIsNotFoundRatherThanAnError() {
    Page page = BROWSER.signIn(port, "admin", SharedApp.ADMIN_PASSWORD, 1366, 768);
    page.navigate("http://127.0.0.1:" + port + "/flows/no-such-flow-here");
    // the page answers with a sentence (the application's not-found page), not an editor or a stack line
    page.waitForCondition(() -> !page.locator("body").innerText().isBlank());
    assertThat(page.locator("#flow-canvas")).hasCount(0);
    assertThat(page.locator("body")).not().containsText("io.switchboard");
    assertThat(page.locator("body")).not().containsText("Exception");
  }

  private static String flow() {
    return """
        {"format": "switchboard.flow/1", "id": "%s", "name": "Refused lookup",
         "variables": [{"name": "caller", "type": "string"}, {"name": "loyalty", "type": "string"}],
         "nodes": [
          {"id": "n1", "type": "trigger", "label": "Inbound call", "config": {"channel": "voice", "address": "+48221239916"}},
          {"id": "n2", "type": "set", "label": "Remember the caller", "config": {"assignments": {"caller": "trigger.from"}}},
          {"id": "n3", "type": "fetch", "label": "Loyalty from CRM",
           "config": {"request": {"url": "%s"}, "output": {"loyalty": "$.loyalty"}}},
          {"id": "n4", "type": "end", "label": "Done", "config": {}},
          {"id": "n5", "type": "forward", "label": "Regular line", "config": {"target": {"kind": "phone", "value": "+48221110000"}}}
         ],
         "edges": [{"from": "n1", "port": "next", "to": "n2"}, {"from": "n2", "port": "next", "to": "n3"},
          {"from": "n3", "port": "ok", "to": "n4"}, {"from": "n3", "port": "error", "to": "n5"}],
         "layout": {"n1": {"x": 0, "y": 0}, "n2": {"x": 0, "y": 120}, "n3": {"x": 0, "y": 240}, "n4": {"x": -150, "y": 360},
          "n5": {"x": 150, "y": 360}}}
        """.formatted(RUN_FLOW, REFUSED_URL);
  }

  @Test
  void aRefusedFetchReadsAsAFailureInFullBesideTheCanvasAndTheForwardAsSimulated() {
    flows.saveDraft(RUN_FLOW, flow(), "admin", exists() ? flows.draft(RUN_FLOW).revision() : null);
    Page page = BROWSER.signIn(port, "admin", SharedApp.ADMIN_PASSWORD, 1366, 768);
    page.navigate("http://127.0.0.1:" + port + "/flows/" + RUN_FLOW);
    assertThat(page.locator(".react-flow__node")).hasCount(5);
    EditorPage.openTab(page, "test-run");
    page.locator("#test-start").click();

    var status = page.locator("#test-status");
    assertThat(status).containsText(Pattern.compile("^Failed at Loyalty from CRM: refused_by_guard — \\S.{10,}"));
    assertThat(status).containsText("forward to number +48221110000 (simulated)");
    assertThat(status).not().containsText("Completed");
    assertThat(status).hasAttribute("state", "failed");

    var steps = page.locator("#test-steps");
    assertThat(steps).containsText("Remember the caller");
    assertThat(steps).containsText("Loyalty from CRM");
    assertThat(steps).containsText("Regular line");
    assertThat(steps).containsText(Pattern.compile("refused_by_guard — \\S"));
    assertThat(steps).containsText(Pattern.compile("(\\d+\\.\\d|< 0\\.1) ms"));
    assertThat(steps).not().containsText("µs");
    assertThat(steps).containsText("forward to number +48221110000 (simulated)");
    assertThat(steps).containsText("caller = \"+48600000001\"");
    // the whole failure shows in its cell, nothing cut off
    var failureCell = steps.locator(".sb-test-error");
    assertThat(failureCell).isVisible();
    assertThat((Boolean) failureCell.evaluate("e => e.scrollWidth <= e.clientWidth + 1")).isTrue();

    steps.getByText("Remember the caller").click();
    var detail = page.locator("#test-step-detail");
    assertThat(detail).containsText("Step 2 · Remember the caller (n2)");
    assertThat(detail).containsText("+48600000001");
    assertThat(page.locator(".react-flow__node.sb-visited")).hasCount(4);

    // canvas with the path, steps and the step's variables are on screen together, and the page does not scroll
    BoundingBox canvas = page.locator("#flow-canvas").boundingBox();
    BoundingBox grid = steps.boundingBox();
    BoundingBox variables = detail.boundingBox();
    assertThat(canvas.height).isGreaterThan(250);
    assertThat(grid.y + 60).isLessThan(768);
    assertThat(variables.y + 60).isLessThan(768);
    assertThat(variables.x).isGreaterThan(grid.x + grid.width - 1);
    assertThat(EditorPage.pageDoesNotScroll(page)).isTrue();
    EditorPage.screenshot(page, "editor-test-run-1366");
  }

  private boolean exists() {
    try {
      flows.draft(RUN_FLOW);
      return true;
    } catch (io.switchboard.runtime.service.NotFoundException missing) {
      return false;
    }
  }
}
