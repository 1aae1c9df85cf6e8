package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The screens in a real browser: sign-in, roles, flow list and the flow editor. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:screens;DB_CLOSE_DELAY=-1", "switchboard.admin.password=screens-admin-pw"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreensIT {
  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @Value("${local.server.port}")
  int port;

  @org.springframework.beans.factory.annotation.Autowired
  io.switchboard.runtime.service.FlowService flows;

  @org.springframework.beans.factory.annotation.Autowired
  io.switchboard.runtime.service.DataStepService dataSteps;

  /** The data steps the example flows call, at a port where nothing listens (test runs answer from samples). */
  @org.junit.jupiter.api.BeforeEach
  void registerTheExamplesSteps() {
    for (String[] step : new String[][] {{"crm-customer", "phone"}, {"ticketing-customer", "phone"},
        {"knowledge-search", "query"}}) {
      if (dataSteps.find(step[0]).isEmpty()) {
        dataSteps.create(io.switchboard.flow.json.FlowJson.readTree("{\"id\": \"" + step[0] + "\", \"name\": \"" + step[0]
            + "\", \"url\": \"http://127.0.0.1:9/lookup\", \"query\": {\"q\": \"{{ input." + step[1] + " }}\"}, "
            + "\"inputs\": [{\"name\": \"" + step[1] + "\", \"required\": true}]}"), "integrator");
      }
    }
  }

  private Page signIn(String user, String password) {
    return BROWSER.signIn(port, user, password);
  }

  /** Opens the version history in the editor's drawer. */
  private static void openVersions(Page page) {
    EditorPage.openTab(page, "versions");
  }

  /** Grid cells that show this exact text now (the grid keeps hidden cells of earlier rows). */
  private static com.microsoft.playwright.Locator visibleCell(Page page, String text) {
    return page.locator("#flow-grid vaadin-grid-cell-content:visible").getByText(text,
        new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true));
  }

  @Test
  @Order(1)
  void theAdminAddsADesignerAndAnAgent() {
    Page page = signIn("admin", "screens-admin-pw");
    page.navigate("http://127.0.0.1:" + port + "/admin");
    for (String[] user : new String[][] {{"dana", "Flow designer"}, {"alex", "Agent"}}) {
      page.locator("#new-username input").fill(user[0]);
      page.locator("#new-password input").fill("long-enough-pw");
      page.locator("#new-roles").getByText(user[1], new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).click();
      page.locator("#add-user").click();
      assertThat(page.locator("#user-grid")).containsText(user[0]);
    }
  }

  @Test
  @Order(2)
  void aDesignerCreatesValidatesPublishesRenamesDuplicatesAndDeletesAFlow() {
    Page page = signIn("dana", "long-enough-pw");
    page.navigate("http://127.0.0.1:" + port + "/flows");
    page.locator("#new-flow").click();
    page.locator("#flow-name input").fill("Priority routing");
    page.locator("#flow-name-save").click();
    // a new flow opens on its canvas
    page.waitForURL(java.util.regex.Pattern.compile(".*/flows/priority-routing$"));
    assertThat(page.locator("#flow-state")).containsText("never published");
    String broken = Examples.priorityRouting().replace("loyalty == 'gold' || loyalty == 'platinum'", "loyalty ==");
    EditorPage.openTab(page, "source");
    page.locator("#flow-document textarea").fill(broken);
    page.locator("#apply-source").click();
    assertThat(page.locator("#drawer-tab-problems")).hasText(java.util.regex.Pattern.compile("Problems · \\d+"));
    EditorPage.openTab(page, "problems");
    assertThat(page.locator("#flow-problems")).containsText("is not valid");
    assertThat(page.locator("#publish")).isDisabled();
    assertThat(page.locator(".react-flow__node[data-id='n3'] .sb-badge.sb-error")).hasText("1");
    page.locator("#flow-problems").getByText("is not valid").click();
    assertThat(page.locator("#node-properties")).containsText("n3");
    assertThat(page.locator(".react-flow__node[data-id='n3'] .sb-card")).hasClass(java.util.regex.Pattern.compile("sb-selected"));

    EditorPage.openTab(page, "source");
    page.locator("#flow-document textarea").fill(Examples.priorityRouting());
    page.locator("#apply-source").click();
    assertThat(page.locator("#flow-state")).containsText("no errors");
    page.locator("#publish-comment input").fill("first cut");
    page.locator("#publish").click();
    assertThat(page.locator("#flow-state")).containsText("published v1");
    openVersions(page);
    assertThat(page.locator("#flow-versions")).containsText("first cut");

    page.navigate("http://127.0.0.1:" + port + "/flows");
    assertThat(page.locator("#flow-grid")).containsText("Published v1");
    page.locator("#duplicate-priority-routing:visible").click();
    page.locator("#flow-name-save").click();
    assertThat(page.locator("#flow-grid")).containsText("copy-of-priority-routing");
    page.locator("#rename-copy-of-priority-routing:visible").click();
    page.locator("#flow-name input").fill("Spare routing");
    page.locator("#flow-name-save").click();
    assertThat(page.locator("#flow-grid")).containsText("Spare routing");
    page.locator("#flow-search input").fill("spare");
    assertThat(visibleCell(page, "Priority routing")).hasCount(0);
    page.locator("#delete-copy-of-priority-routing:visible").click();
    page.locator("[slot='confirm-button']:visible").click();
    assertThat(visibleCell(page, "Spare routing")).hasCount(0);
    page.locator("#flow-search input").fill("");
    assertThat(visibleCell(page, "Priority routing")).hasCount(1);
  }

  @Test
  @Order(3)
  void onTheCanvasADesignerDropsConnectsUndoesAndRedoesAndEverythingIsSaved() {
    Page page = signIn("dana", "long-enough-pw");
    page.navigate("http://127.0.0.1:" + port + "/flows/priority-routing");
    assertThat(page.locator(".react-flow__node")).hasCount(5);
    assertThat(page.locator(".react-flow__edge")).hasCount(5);

    CanvasActions.drop(page, "end", 120, 330);
    assertThat(page.locator(".react-flow__node")).hasCount(6);
    assertThat(page.locator("#flow-state")).containsText("saved");

    CanvasActions.connect(page, "n4", "connected", "end1");
    assertThat(page.locator(".react-flow__edge")).hasCount(6);
    page.locator(".sb-designer").press("Control+z");
    assertThat(page.locator(".react-flow__edge")).hasCount(5);
    page.locator(".sb-designer").press("Control+Shift+z");
    assertThat(page.locator(".react-flow__edge")).hasCount(6);

    page.locator(".react-flow__node[data-id='end1'] .sb-card-head").click();
    assertThat(page.locator("#node-properties")).containsText("End · end1");
    page.locator("#node-form-outcome textarea").pressSequentially("vip connected");
    page.waitForCondition(() -> flows.draft("priority-routing").document().toString().contains("vip connected"));

    page.reload();
    assertThat(page.locator(".react-flow__node")).hasCount(6);
    assertThat(page.locator(".react-flow__edge")).hasCount(6);
    String saved = flows.draft("priority-routing").document().toString();
    org.assertj.core.api.Assertions.assertThat(saved).contains("{\"from\":\"n4\",\"port\":\"connected\",\"to\":\"end1\"}")
        .contains("\"outcome\":\"vip connected\"");
  }

  @Test
  @Order(4)
  void exportImportRoundTripAndRestoringAPublishedVersion() throws Exception {
    Page page = signIn("dana", "long-enough-pw");
    page.navigate("http://127.0.0.1:" + port + "/flows/priority-routing");
    assertThat(page.locator(".react-flow__node")).hasCount(6);

    com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("#export-flow").click());
    String exported = java.nio.file.Files.readString(download.path());
    org.assertj.core.api.Assertions.assertThat(exported)
        .isEqualTo(io.switchboard.flow.json.FlowJson.write(flows.draft("priority-routing").document()));

    java.nio.file.Path changed = java.nio.file.Files.createTempFile("renamed", ".json");
    java.nio.file.Files.writeString(changed, exported.replace("\"name\": \"Priority routing\"", "\"name\": \"Imported routing\""));
    page.locator("#import-flow input[type=file]").setInputFiles(changed);
    assertThat(page.locator("#flow-title")).hasText("Imported routing");
    java.nio.file.Path original = java.nio.file.Files.createTempFile("original", ".json");
    java.nio.file.Files.writeString(original, exported);
    page.locator("#import-flow input[type=file]").setInputFiles(original);
    assertThat(page.locator("#flow-title")).hasText("Priority routing");
    org.assertj.core.api.Assertions.assertThat(io.switchboard.flow.json.FlowJson.write(flows.draft("priority-routing").document()))
        .isEqualTo(exported);

    java.nio.file.Path junk = java.nio.file.Files.createTempFile("junk", ".json");
    java.nio.file.Files.writeString(junk, "{ this is not a flow");
    page.locator("#import-flow input[type=file]").setInputFiles(junk);
    assertThat(page.getByText("not valid JSON").first()).isVisible();
    assertThat(page.locator(".react-flow__node")).hasCount(6);

    openVersions(page);
    page.locator("#open-version-1:visible").click();
    assertThat(page.locator("#read-only-banner")).containsText("Version 1 (read-only)");
    assertThat(page.locator(".react-flow__node")).hasCount(5);
    page.locator("#restore-version").click();
    assertThat(page.locator("#read-only-banner")).not().isVisible();
    assertThat(page.locator(".react-flow__node")).hasCount(5);
    org.assertj.core.api.Assertions.assertThat(flows.draft("priority-routing").document().path("nodes").size()).isEqualTo(5);
  }

  @Test
  @Order(5)
  void aDesignerCannotOpenAdministrationAndAnAgentCannotOpenTheFlows() {
    Page designer = signIn("dana", "long-enough-pw");
    designer.navigate("http://127.0.0.1:" + port + "/admin");
    assertThat(designer.getByText("Users")).not().isVisible();
    assertThat(designer.getByText("Administration")).not().isVisible();

    Page agent = signIn("alex", "long-enough-pw");
    agent.navigate("http://127.0.0.1:" + port + "/flows");
    assertThat(agent.locator("#flow-grid")).not().isVisible();
    assertThat(agent.getByText("Flows")).not().isVisible();
  }

  @Test
  @Order(6)
  void aTestRunAnswersScriptStepsHereAndDrawsThePathTaken() {
    flows.saveDraft("support-call", Examples.read("support-call"), "dana", null);
    Page page = signIn("dana", "long-enough-pw");
    page.navigate("http://127.0.0.1:" + port + "/flows/support-call");
    EditorPage.openTab(page, "test-run");
    page.locator("#test-samples textarea").fill(
        "{\"lookup\": {\"name\": \"Ann\", \"email\": \"ann@example.com\", \"contract\": {\"active\": true}}}");
    page.locator("#test-start").click();
    assertThat(page.locator("#test-status")).containsText("Waiting in queue support");
    assertThat(page.locator("#test-input")).containsText("Waiting in queue support for an agent (simulated)");
    page.locator("#test-agent-accepts").click();
    assertThat(page.locator("#test-input")).containsText("Good morning Ann");

    page.locator("#test-field-problem input").fill("no signal");
    page.locator("#test-answer-continue").click();
    page.locator("#test-answer-solved").click();
    assertThat(page.locator("#test-status")).containsText("outcome: fixed");
    assertThat(page.locator("#test-status")).containsText("1 effect simulated, nothing sent");
    assertThat(page.locator(".react-flow__node.sb-visited")).hasCount(7);
    page.locator("#test-steps").getByText("lookup", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).click();
    assertThat(page.locator("#test-step-detail")).containsText("Step 2 ·");
    assertThat(page.locator("#test-step-detail")).containsText("(lookup)");
    assertThat(page.locator("#test-step-detail")).containsText(java.util.regex.Pattern.compile("customerName\\s*null\\s*\"Ann\""));

    // without a sample the lookup calls its step, whose address nobody answers: the log names the failure's code
    page.locator("#test-samples textarea").fill("{}");
    page.locator("#test-start").click();
    assertThat(page.locator("#test-steps")).containsText(java.util.regex.Pattern.compile(
        "(refused_by_guard|connection) — data step 'ticketing-customer': "));

    // text that is not JSON is refused by the one error handler with a notice, and nothing runs
    page.locator("#test-samples textarea").fill("{ not json");
    page.locator("#test-start").click();
    assertThat(page.getByText("not valid JSON").first()).isVisible();
  }

  @Test
  @Order(7)
  void copyPasteTidyUpAndTheVariablesPanel() {
    Page page = signIn("dana", "long-enough-pw");
    page.navigate("http://127.0.0.1:" + port + "/flows/priority-routing");
    assertThat(page.locator(".react-flow__node")).hasCount(5);

    page.locator(".react-flow__node[data-id='n4']").dispatchEvent("click");
    assertThat(page.locator("#node-properties")).containsText("n4");
    page.locator(".sb-designer").press("Control+c");
    page.locator(".sb-designer").press("Control+v");
    assertThat(page.locator(".react-flow__node")).hasCount(6);
    assertThat(page.locator(".react-flow__node[data-id='forward1']")).hasCount(1);

    page.getByText("Tidy up").click();
    page.waitForCondition(() -> {
      var layout = flows.draft("priority-routing").document().path("layout");
      return layout.path("n2").path("y").asDouble() > layout.path("n1").path("y").asDouble()
          && layout.path("n3").path("y").asDouble() > layout.path("n2").path("y").asDouble();
    });

    EditorPage.openTab(page, "variables");
    page.locator("#variable-name input").fill("region");
    page.locator("#variable-label input").fill("Region");
    page.locator("#variable-save").click();
    assertThat(page.locator("#variable-grid")).containsText("region");
    org.assertj.core.api.Assertions.assertThat(flows.draft("priority-routing").document().path("variables").toString())
        .contains("\"name\":\"region\"");
  }

  @Test
  @Order(8)
  void anExpressionFieldOffersTheVariablesSetUpstream() {
    Page page = signIn("dana", "long-enough-pw");
    page.navigate("http://127.0.0.1:" + port + "/flows/priority-routing");
    page.locator(".react-flow__node[data-id='n3']").dispatchEvent("click");
    assertThat(page.locator("#node-properties")).containsText("n3");
    var when = page.locator("#node-form-cases-0-when textarea");
    when.fill("");
    when.pressSequentially("loy");
    assertThat(page.locator("#node-form-cases-0-when .sb-suggestion")).hasText("loyalty");
    when.press("Enter");
    when.pressSequentially(" == 'gold'");
    page.waitForCondition(() -> flows.draft("priority-routing").document().toString().contains("\"when\":\"loyalty == 'gold'\""));

    // the destination of a forward is picked among the queues the flows use and the agents
    // after the tidy-up n5 may sit under the minimap: click it where it is, whatever covers it
    page.locator(".react-flow__node[data-id='n5']").dispatchEvent("click");
    assertThat(page.locator("#node-properties")).containsText("n5");
    page.locator("#node-form-target-value input").click();
    page.locator("#node-form-target-value input").press("ArrowDown");
    assertThat(page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("regular"))).isVisible();
    assertThat(page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("alex"))).isVisible();
  }

  @Test
  @Order(9)
  void twoEditorsOfOneDraftDoNotOverwriteEachOtherAndSeveralNodesCanBeSelectedAtOnce() {
    Page first = signIn("dana", "long-enough-pw");
    first.navigate("http://127.0.0.1:" + port + "/flows/priority-routing");
    Page second = signIn("admin", "screens-admin-pw");
    second.navigate("http://127.0.0.1:" + port + "/flows/priority-routing");
    assertThat(first.locator(".react-flow__node")).hasCount(6);
    assertThat(second.locator(".react-flow__node")).hasCount(6);
    int before = 6;

    CanvasActions.drop(first, "end", 60, 60);
    assertThat(first.locator(".react-flow__node")).hasCount(before + 1);
    first.waitForCondition(() -> flows.draft("priority-routing").document().path("nodes").size() == before + 1);
    CanvasActions.drop(second, "end", 60, 160);
    assertThat(second.getByText("was changed by someone else")).isVisible();
    org.assertj.core.api.Assertions.assertThat(flows.draft("priority-routing").document().path("nodes").size())
        .isEqualTo(before + 1);

    // Ctrl held down: a second click adds to the selection; both are copied and pasted
    first.locator(".react-flow__node[data-id='n4']").dispatchEvent("click");
    first.keyboard().down("Control");
    first.locator(".react-flow__node[data-id='n5']").dispatchEvent("click");
    first.keyboard().up("Control");
    assertThat(first.locator(".react-flow__node.selected")).hasCount(2);
    first.locator(".sb-designer").press("Control+c");
    first.locator(".sb-designer").press("Control+v");
    assertThat(first.locator(".react-flow__node")).hasCount(before + 3);
  }

  @Test
  @Order(10)
  void aCaseAddedInThePropertiesPanelIsAPathOnTheCardAtOnceAndARemovedOneNoLongerCarriesItsEdge() {
    Page page = signIn("dana", "long-enough-pw");
    CanvasActions.newFlow(page, port, "Case paths", "case-paths");
    CanvasActions.drop(page, "branch", 40, 330);
    CanvasActions.drop(page, "end", 330, 330);
    var paths = page.locator(".react-flow__node[data-id='branch1'] .sb-port");
    assertThat(paths).hasText(new String[] {"else"});

    page.locator(".react-flow__node[data-id='branch1'] .sb-card-head").click();
    assertThat(page.locator("#node-properties")).containsText("branch1");
    page.locator("#node-form-cases-add").click();
    page.locator("#node-form-cases-0-port input").fill("gold");
    page.locator("#node-form-cases-0-when textarea").fill("true");
    assertThat(paths).hasText(new String[] {"gold", "else"});
    CanvasActions.connect(page, "branch1", "gold", "end1");

    page.locator(".sb-card-row:has(> #node-form-cases-0)").getByText("Remove",
        new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).click();
    assertThat(paths).hasText(new String[] {"else"});
    assertThat(page.locator(".react-flow__edge")).hasCount(0);
    EditorPage.openTab(page, "problems");
    assertThat(page.locator("#flow-problems")).containsText("no path named 'gold'");
  }
}
