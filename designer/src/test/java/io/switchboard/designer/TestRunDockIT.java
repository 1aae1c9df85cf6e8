package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.switchboard.runtime.service.FlowService;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A test run docked under the canvas: a fetch the outbound guard refuses reads as a failure in full,
 * steps by their labels and in milliseconds, the forward it falls back to as simulated, and the
 * canvas with the path, the steps and a step's variables all on screen at once.
 */
@SharedApp
class TestRunDockIT {
  private static final String FLOW = "dock-refused-fetch";
  /** A cloud metadata address: the outbound guard refuses it whatever an admin allowed. */
  private static final String REFUSED_URL = "http://169.254.169.254/latest/customer";

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @Value("${local.server.port}")
  int port;

  @Autowired
  FlowService flows;

  @AfterAll
  static void close() {
    BROWSER.close();
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
        """.formatted(FLOW, REFUSED_URL);
  }

  @Test
  void aRefusedFetchReadsAsAFailureInFullBesideTheCanvasAndTheForwardAsSimulated() {
    flows.saveDraft(FLOW, flow(), "admin", exists() ? flows.draft(FLOW).revision() : null);
    Page page = BROWSER.signIn(port, "admin", SharedApp.ADMIN_PASSWORD, 1366, 768);
    page.navigate("http://127.0.0.1:" + port + "/flows/" + FLOW);
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
      flows.draft(FLOW);
      return true;
    } catch (io.switchboard.runtime.service.NotFoundException missing) {
      return false;
    }
  }
}
