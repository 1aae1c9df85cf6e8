package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.runtime.service.FlowService;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The problems list as a business user reads it at 1366×768: each problem names its node by label
 * and says what to do, a one-click fix repairs the flow, a number another published flow answers
 * shows before publishing, and a flow without problems says it can be published.
 */
@SharedApp
class ProblemsIT {
  private static final String USER = "problems-dana";
  private static final String PASSWORD = "problems-long-pw";

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @Value("${local.server.port}")
  int port;

  @Autowired
  FlowService flows;

  @Autowired
  UserAccounts users;

  @BeforeEach
  void aDesigner() {
    if (users.find(USER).isEmpty()) {
      users.create(USER, PASSWORD, "Dana Problems", Set.of(Role.designer));
    }
  }

  private static String flow(String id, String name, String number, String variables, String nodes, String edges) {
    return """
        {"format": "switchboard.flow/1", "id": "%s", "name": "%s", "variables": [%s],
         "nodes": [{"id": "start", "type": "trigger", "label": "Incoming call", "config": {"channel": "voice", "address": "%s"}},
                   %s],
         "edges": [{"from": "start", "port": "next", "to": "hold"}, %s],
         "layout": {"start": {"x": 0, "y": 0}, "hold": {"x": 280, "y": 0}, "done": {"x": 560, "y": 0}}}
        """.formatted(id, name, variables, number, nodes, edges);
  }

  private Page open(String flowId) {
    Page page = BROWSER.signIn(port, USER, PASSWORD, 1366, 768);
    page.navigate("http://127.0.0.1:" + port + "/flows/" + flowId);
    EditorPage.openTab(page, "problems");
    assertThat(page.locator("#problems-panel")).isVisible();
    return page;
  }

  /** The viewport with the problems list in view (below the canvas until the editor's drawer holds it). */
  private static void screenshot(Page page, String name) {
    page.locator("#problems-panel").scrollIntoViewIfNeeded();
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")));
  }

  /** No problem's text is cut: each row wraps inside the panel's width. */
  private static void nothingIsCut(Page page) {
    Object cut = page.evaluate("""
        () => [...document.querySelectorAll('#problems-panel .problem-row, #problems-panel .problem-row *')]
          .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
          .map(e => e.textContent).concat([...document.querySelectorAll('#problems-panel .problem-row')]
          .filter(r => r.getBoundingClientRect().right > document.querySelector('#problems-panel').getBoundingClientRect().right + 1)
          .map(r => 'wider than the panel: ' + r.textContent))""");
    assertThat(cut.toString()).isEqualTo("[]");
  }

  @Test
  void anUnconnectedPathIsConnectedToANewEndByOneClickAndTheListSaysTheFlowCanBePublished() {
    flows.saveDraft("problems-hold", flow("problems-hold", "Hold line", "+48225550100", "",
        """
        {"id": "hold", "type": "wait", "label": "Hold the line", "config": {"seconds": 5}},
        {"id": "done", "type": "end", "label": "Done", "config": {"outcome": "held"}}""",
        """
        {"from": "hold", "port": "next", "to": "done"}"""), USER, null);
    Page page = open("problems-hold");
    Locator row = page.locator("#flow-problems .problem-row").filter(new Locator.FilterOptions().setHasText("timeout"));

    assertThat(row).containsText("Hold the line — Nothing is connected to its “timeout” path; the interaction ends when "
        + "it takes this path.");
    assertThat(row.locator(".problem-severity")).hasText("Warning");
    assertThat(page.locator("#problems-summary")).hasText("no errors · 1 warning");
    nothingIsCut(page);
    screenshot(page, "problems-list");

    row.getByText("Fix: Connect “timeout” to a new End").click();

    assertThat(page.locator(".react-flow__node[data-id='end1']")).isVisible();
    assertThat(page.locator("#flow-problems")).not().containsText("timeout");
    assertThat(page.locator("#problems-empty")).hasText("No problems — this flow can be published.");
    assertThat(page.locator("#publish")).isEnabled();
    var end = page.locator(".react-flow__node[data-id='end1']").boundingBox();
    var hold = page.locator(".react-flow__node[data-id='hold']").boundingBox();
    assertThat(end.x).as("the new End sits right of the node").isGreaterThan(hold.x + hold.width);
    screenshot(page, "problems-empty");
  }

  @Test
  void anUndeclaredVariableIsDeclaredByOneClickAndClickingAProblemSelectsItsNode() {
    flows.saveDraft("problems-tier", flow("problems-tier", "Tier check", "+48225550200", "",
        """
        {"id": "hold", "type": "branch", "label": "Check customer tier",
         "config": {"cases": [{"port": "gold", "when": "tier == 'gold'"}]}},
        {"id": "done", "type": "end", "label": "Done", "config": {"outcome": "checked"}}""",
        """
        {"from": "hold", "port": "gold", "to": "done"}, {"from": "hold", "port": "else", "to": "done"}"""), USER, null);
    Page page = open("problems-tier");
    Locator row = page.locator("#flow-problems .problem-row").filter(new Locator.FilterOptions().setHasText("'tier'"));
    assertThat(row).containsText("Check customer tier — Uses 'tier', which is not a declared variable; declare it in the "
        + "flow's variables.");
    assertThat(row.locator(".problem-field")).hasText("Field: Condition");

    row.locator(".problem-text").click();
    assertThat(page.locator(".react-flow__node[data-id='hold'] .sb-card")).hasClass(java.util.regex.Pattern.compile("sb-selected"));

    row.getByText("Fix: Declare variable tier").click();

    assertThat(page.locator("#problems-empty")).hasText("No problems — this flow can be published.");
    assertThat(flows.draft("problems-tier").document().path("variables").toString())
        .isEqualTo("[{\"name\":\"tier\",\"type\":\"string\"}]");
  }

  @Test
  void freshlyDroppedNodesAskForWhatIsMissingInPlainWords() {
    flows.saveDraft("problems-fresh", flow("problems-fresh", "Fresh nodes", "+48225550300", "",
        """
        {"id": "hold", "type": "fetch", "config": {}},
        {"id": "done", "type": "branch", "label": "Route by tier", "config": {}},
        {"id": "fwd", "type": "forward", "label": "Forward to queue", "config": {}}""",
        """
        {"from": "hold", "port": "ok", "to": "done"}, {"from": "hold", "port": "error", "to": "fwd"},
        {"from": "done", "port": "else", "to": "fwd"}"""), USER, null);
    Page page = open("problems-fresh");

    Locator list = page.locator("#flow-problems");
    assertThat(list).containsText("Fetch variables — Choose a data step or write a request");
    assertThat(list).containsText("Route by tier — Add at least one case");
    assertThat(list).containsText("Forward to queue — Choose where to forward the call");
    assertThat(list).not().containsText("not both");
    assertThat(list).not().containsText("required property");
    assertThat(page.locator("#problems-summary")).hasText("3 errors · no warnings");
    nothingIsCut(page);
    screenshot(page, "problems-fresh-nodes");
  }

  @Test
  void aNumberAnotherPublishedFlowAnswersShowsBeforePublishNamingThatFlow() {
    String owner = flow("problems-support", "Support line", "+48221002000", "",
        """
        {"id": "hold", "type": "wait", "label": "Hold the line", "config": {"seconds": 5}},
        {"id": "done", "type": "end", "label": "Done", "config": {"outcome": "held"}}""",
        """
        {"from": "hold", "port": "next", "to": "done"}, {"from": "hold", "port": "timeout", "to": "done"}""");
    if (flows.list().stream().noneMatch(f -> f.id().equals("problems-support") && f.latestVersion() != null)) {
      flows.saveDraft("problems-support", owner, USER, null);
      flows.publish("problems-support", null, USER);
    }
    flows.saveDraft("problems-sales", owner.replace("problems-support", "problems-sales").replace("Support line", "Sales line"),
        USER, null);

    Page page = open("problems-sales");

    Locator row = page.locator("#flow-problems .problem-row").filter(new Locator.FilterOptions().setHasText("already starts"));
    assertThat(row).containsText("Incoming call — The number +48221002000 already starts “Support line”; choose another "
        + "number, or give “Support line” another one and publish it first.");
    assertThat(row.locator(".problem-severity")).hasText("Error");
    // the field by its title (whatever the schema calls it), not the property name
    assertThat(row.locator(".problem-field")).hasText(java.util.regex.Pattern.compile("Field: [A-Z].+"));
    assertThat(row.locator(".problem-field")).not().hasText("Field: Address");
    assertThat(page.locator("#publish")).isDisabled();
    nothingIsCut(page);
    screenshot(page, "problems-owned-address");
  }
}
