package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.runtime.service.DataStepService;
import io.switchboard.runtime.service.OutboundAllowList;
import io.switchboard.runtime.service.FlowService;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * An integrator at 1366×768 imports a helpdesk operation from a pasted OpenAPI document, finds it
 * open beside its test, tests it against a server on loopback, reads it in the list, and is told
 * which drafts use it before deleting it.
 */
@SharedApp
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrationsIT {
  private static final int WIDTH = 1366;
  private static final int HEIGHT = 768;
  private static final String USER = "ines";
  private static final String PASSWORD = "ines-integrates-pw";
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final String STEP_ID = "get-helpdesk-ticket-by-id";
  private static final String DESCRIPTION = "One ticket of the helpdesk with its status and subject.";

  @RegisterExtension
  static final Browser BROWSER = new Browser();
  static final HttpServer HELPDESK = LoopbackServer.start("/tickets", exchange -> LoopbackServer.json(exchange, 200,
      "{\"status\": \"open\", \"subject\": \"Printer jammed\"}"));

  @Value("${local.server.port}")
  int port;
  @Autowired
  UserAccounts accounts;
  @Autowired
  OutboundAllowList allowList;
  @Autowired
  FlowService flows;
  @Autowired
  DataStepService dataSteps;

  @AfterAll
  static void close() {
    HELPDESK.stop(0);
  }

  @BeforeEach
  void integrator() {
    if (accounts.find(USER).isEmpty()) {
      accounts.create(USER, PASSWORD, null, Set.of(Role.integrator));
    }
    if (allowList.entries().stream().noneMatch(e -> e.entry().equals("127.0.0.1"))) {
      allowList.add("127.0.0.1", "admin");
    }
  }

  private static String document() {
    return String.join("\n",
        "openapi: 3.0.3",
        "info: {title: Helpdesk, version: '1'}",
        "servers: [{url: 'http://127.0.0.1:" + HELPDESK.getAddress().getPort() + "'}]",
        "paths:",
        "  /tickets/{id}:",
        "    get:",
        "      operationId: getHelpdeskTicketById",
        "      summary: Returns the one ticket of the helpdesk whose number is given, with its status",
        "      description: " + DESCRIPTION,
        "      parameters: [{name: id, in: path, required: true, schema: {type: string, example: T-7}}]",
        "      responses:",
        "        '200': {description: ok, content: {application/json: {schema: {type: object, properties: "
            + "{status: {type: string}, subject: {type: string}}}}}}");
  }

  private Page integrations() {
    Page page = BROWSER.signIn(port, USER, PASSWORD, WIDTH, HEIGHT);
    page.navigate("http://127.0.0.1:" + port + "/integrations");
    return page;
  }

  @Test
  @Order(1)
  void withNoStepsTheListOffersTheWaysToMakeOne() {
    Assumptions.assumeTrue(dataSteps.list().isEmpty(), "another test of the shared application registered steps first");
    Page page = integrations();
    assertThat(page.locator("#steps-empty")).containsText("No data steps yet");
    assertThat(page.locator("#empty-new-step")).isVisible();
    assertThat(page.locator("#empty-import-openapi")).isVisible();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("integrations-empty.png")));
  }

  @Test
  @Order(2)
  void anImportedOperationOpensBesideItsTestAndTheListAndDeletionReadWell() {
    Page page = integrations();
    page.locator("#import-openapi").click();
    page.locator("#openapi-document textarea").fill(document());
    page.locator("#openapi-read").click();
    assertThat(page.locator("#openapi-notes")).containsText("Helpdesk: 1 operation.");

    // a lone operation is ticked already, and unticking it says why nothing can be created
    Locator operation = page.locator("#openapi-operations vaadin-checkbox");
    assertThat(operation).hasCount(1);
    assertThat(operation).hasAttribute("checked", "");
    assertThat(page.locator("#openapi-create")).hasText("Create 1 data step");
    assertThat(page.locator("#openapi-create[disabled]")).hasCount(0);
    operation.locator("label").click();
    assertThat(page.locator("#openapi-create[disabled]")).hasCount(1);
    assertThat(page.locator("#openapi-create-reason")).hasText("Tick at least one operation to create");
    assertThat(page.locator("#openapi-create-reason")).isVisible();
    assertThat(page.locator("#openapi-document textarea")).hasValue(document());
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("integrations-import.png")));
    operation.locator("label").click();
    page.locator("#openapi-create").click();

    // the new step opens with a name a person reads, the operation's description, and its test in view
    assertThat(page.locator("#step-heading")).hasText("Get helpdesk ticket by id");
    assertThat(page.locator("#step-id input")).hasValue(STEP_ID);
    assertThat(page.locator("#step-description textarea")).hasValue(DESCRIPTION);
    assertInView(page, page.locator("#step-test-run"));
    assertInView(page, page.locator("#test-input-id"));
    assertInView(page, page.locator("#step-save"));
    assertNoPageScroll(page);
    assertThat(page.locator("#test-input-id input")).hasValue("T-7");
    page.locator("#step-test-run").click();
    assertThat(page.locator("#test-status")).hasText("HTTP 200");
    assertThat(page.locator("#test-outputs")).containsText("Printer jammed");
    assertInView(page, page.locator("#test-outputs"));
    assertNoPageScroll(page);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("integrations-editor.png")));
    // the rows of inputs and outputs fit the form column: nothing sideways, every remove button in reach
    page.locator("#step-outputs").scrollIntoViewIfNeeded();
    assertInView(page, page.locator("#step-outputs-1-remove"));
    assertInView(page, page.locator("#step-inputs-0-remove"));
    Object sideways = page.evaluate("() => ['step-form', 'step-test'].filter(id => {"
        + " const e = document.getElementById(id); return e.scrollWidth > e.clientWidth + 1; })");
    org.assertj.core.api.Assertions.assertThat((List<?>) sideways).as("columns that scroll sideways").isEmpty();
    assertInView(page, page.locator("#step-save"));
    assertInView(page, page.locator("#step-test-run"));
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("integrations-editor-rows.png")));

    // importing it again is refused inside the dialog, which keeps the document
    page.locator("#step-back").click();
    page.locator("#import-openapi").click();
    page.locator("#openapi-document textarea").fill(document());
    page.locator("#openapi-read").click();
    page.locator("#openapi-create").click();
    assertThat(page.locator("#openapi-failure")).containsText("Nothing was created");
    assertThat(page.locator("#openapi-failure")).containsText(STEP_ID);
    assertThat(page.locator("#openapi-document textarea")).hasValue(document());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();
    assertThat(page.locator("#openapi-document")).isHidden();

    // the list: relative time and author, nothing cut, no sideways scroll
    Locator grid = page.locator("#step-grid");
    Locator row = grid.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
        .setHasText("just now by " + USER));
    assertThat(row.first()).isVisible();
    assertThat(grid).containsText("Get helpdesk ticket by id");
    assertThat(grid).containsText("http://127.0.0.1:" + HELPDESK.getAddress().getPort() + "/tickets/{{ input.id }}");
    @SuppressWarnings("unchecked")
    List<String> cut = (List<String>) page.evaluate("() => Array.from(document.querySelectorAll("
        + "'#step-grid vaadin-grid-cell-content')).filter(c => c.offsetParent !== null && c.textContent.trim() !== ''"
        + " && (c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1)).map(c => c.textContent.trim())");
    org.assertj.core.api.Assertions.assertThat(cut).as("cells whose text is cut off").isEmpty();
    BoundingBox gridBox = grid.boundingBox();
    org.assertj.core.api.Assertions.assertThat(gridBox.x + gridBox.width).isLessThanOrEqualTo(WIDTH);
    assertNoPageScroll(page);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("integrations-list.png")));

    // while a published flow calls the step, deleting it is refused with that flow's name
    flows.saveDraft("integrations-it-priority", flow("integrations-it-priority", "Priority line (integrations)", "+48221110016"),
        USER, null);
    flows.publish("integrations-it-priority", "calls the helpdesk", USER);
    page.reload();
    page.locator("#step-grid").getByText("Get helpdesk ticket by id").click();
    page.locator("#step-delete").click();
    assertThat(page.getByText("\u201cGet helpdesk ticket by id\u201d cannot be deleted")).isVisible();
    assertThat(page.getByText("Used by published \u201cPriority line (integrations)\u201d v1. Publish that flow without it first."))
        .isVisible();
    page.waitForTimeout(400); // the dialog's opening animation, for a screenshot that shows it settled
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("integrations-delete-refused.png")));
    page.locator("[slot='confirm-button']:visible").click();
    org.assertj.core.api.Assertions.assertThat(dataSteps.find(STEP_ID)).isPresent();
    flows.delete("integrations-it-priority");

    // a draft that calls the step is named before it goes
    flows.saveDraft("integrations-it-support", flow("integrations-it-support", "Support line (integrations)", "+48221110015"),
        USER, null);
    page.reload();
    page.locator("#step-grid").getByText("Get helpdesk ticket by id").click();
    assertThat(page.locator("#step-details")).containsText("Used by the draft of \u201cSupport line (integrations)\u201d");
    page.locator("#step-delete").click();
    assertThat(page.getByText("Delete \u201cGet helpdesk ticket by id\u201d?")).isVisible();
    assertThat(page.getByText(java.util.regex.Pattern.compile(
        "^Used by the draft of \u201cSupport line \\(integrations\\)\u201d; that draft will show a problem"))).isVisible();
    page.waitForTimeout(400); // the dialog's opening animation, for a screenshot that shows it settled
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("integrations-delete.png")));
    page.locator("[slot='confirm-button']:visible").click();
    assertThat(page.locator("vaadin-notification-card").last()).containsText("Deleted");
    assertThat(page.locator("#step-editor")).isHidden();
    assertThat(page.locator("#new-step")).isVisible();
    org.assertj.core.api.Assertions.assertThat(dataSteps.find(STEP_ID)).isEmpty();
  }

  /** A voice flow that looks the caller's ticket up with the imported step. */
  private static String flow(String id, String name, String address) {
    return """
        {"format": "switchboard.flow/1", "id": "%s", "name": "%s", "variables": [],
         "nodes": [{"id": "trigger", "type": "trigger", "config": {"channel": "voice", "address": "%s"}},
                   {"id": "fetch1", "type": "fetch", "config": {"step": "%s", "input": {"id": "{{ trigger.from }}"}}},
                   {"id": "end1", "type": "end", "config": {"outcome": "looked up"}}],
         "edges": [{"from": "trigger", "port": "next", "to": "fetch1"}, {"from": "fetch1", "port": "ok", "to": "end1"},
                   {"from": "fetch1", "port": "error", "to": "end1"}]}
        """.formatted(id, name, address, STEP_ID);
  }

  private static void assertInView(Page page, Locator element) {
    assertThat(element).isVisible();
    BoundingBox box = element.boundingBox();
    org.assertj.core.api.Assertions.assertThat(box.y).as("top of %s", element).isGreaterThanOrEqualTo(0);
    org.assertj.core.api.Assertions.assertThat(box.y + box.height).as("bottom of %s", element).isLessThanOrEqualTo(HEIGHT);
    org.assertj.core.api.Assertions.assertThat(box.x + box.width).as("right edge of %s", element).isLessThanOrEqualTo(WIDTH);
  }

  private static void assertNoPageScroll(Page page) {
    Object fits = page.evaluate("() => document.scrollingElement.scrollHeight <= innerHeight"
        + " && document.scrollingElement.scrollWidth <= innerWidth");
    org.assertj.core.api.Assertions.assertThat(fits).as("the page scrolls").isEqualTo(true);
  }
}
