package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.service.DataStepService;
import io.switchboard.runtime.service.FlowService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pages around the screens, as users of each role meet them at 1366×768: not-found and no-access
 * pages inside the app, the icon, Home by role, the flow list and its templates, and Administration.
 */
@SharedApp
class AppPagesIT {
  private static final String PASSWORD = "pages-long-pw";

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @Value("${local.server.port}")
  int port;

  @Autowired
  UserAccounts accounts;

  @Autowired
  FlowService flows;

  @Autowired
  DataStepService dataSteps;

  /** One user per role (and one with two), made once; the database is shared with other classes. */
  @BeforeEach
  void users() {
    for (Object[] user : new Object[][] {{"pg-designer", "Dana Designer", Set.of(Role.designer)},
        {"pg-integrator", null, Set.of(Role.integrator)}, {"pg-agent", null, Set.of(Role.agent)},
        {"pg-admin", "Ada Admin", Set.of(Role.admin)}, {"pg-both", null, Set.of(Role.designer, Role.agent)},
        {"pg-target", null, Set.of(Role.agent)}}) {
      if (accounts.find((String) user[0]).isEmpty()) {
        @SuppressWarnings("unchecked")
        Set<Role> roles = (Set<Role>) user[2];
        accounts.create((String) user[0], PASSWORD, (String) user[1], roles);
      }
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private Page signIn(String user) {
    return BROWSER.signIn(port, user, PASSWORD, 1366, 768);
  }

  private static void screenshot(Page page, String name) {
    // dialogs fade in and out; the picture shows the screen once they have settled
    page.waitForTimeout(500);
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "pages-" + name + ".png")));
  }

  private static void noPageScroll(Page page) {
    org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
        "() => document.scrollingElement.scrollHeight <= window.innerHeight")).as("no page scroll").isTrue();
  }

  @Test
  void unknownAddressesAndUnknownFlowsShowTheInAppPageWithTheMenu() {
    Page page = signIn("pg-designer");
    page.navigate(url("/no-such-page"));
    assertThat(page.locator("#page-notice-title")).hasText("We couldn't find that page");
    assertThat(page.locator("#page-notice")).containsText("/no-such-page");
    assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Flows"))).isVisible();
    assertThat(page.locator("#page-notice-home")).isVisible();
    assertThat(page.locator("#page-notice-flows")).isVisible();
    noPageScroll(page);
    screenshot(page, "not-found");

    page.navigate(url("/flows/pages-does-not-exist"));
    assertThat(page.locator("#page-notice-title")).hasText("We couldn't find that page");
    assertThat(page.locator("body")).not().containsText("Exception");
    page.locator("#page-notice-flows").click();
    assertThat(page.locator("#flow-grid")).isVisible();

    Page signedOut = BROWSER.newPage(1366, 768);
    signedOut.navigate(url("/no-such-page"));
    assertThat(signedOut.getByLabel("Username")).isVisible();
  }

  @Test
  void anAgentOpeningTheFlowsIsToldInTheApp() {
    Page page = signIn("pg-agent");
    page.navigate(url("/flows"));
    assertThat(page.locator("#page-notice-title")).hasText("You don't have access to this page");
    assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Home"))).isVisible();
    assertThat(page.locator("body")).not().containsText("Could not navigate");
    assertThat(page.locator("#flow-grid")).hasCount(0);
    screenshot(page, "no-access");
  }

  @Test
  void theIconIsServedToAnyoneAndNoPageAsksForAMissingFile() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String icon : List.of("/favicon.ico", "/favicon.svg")) {
      HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(url(icon))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      org.assertj.core.api.Assertions.assertThat(answer.statusCode()).as(icon).isEqualTo(200);
      org.assertj.core.api.Assertions.assertThat(answer.body().length).as(icon).isGreaterThan(100);
    }
    Page page = BROWSER.newPage(1366, 768);
    List<String> missing = new ArrayList<>();
    page.onResponse(response -> {
      if (response.status() == 404) {
        missing.add(response.url());
      }
    });
    page.navigate(url("/login"));
    assertThat(page.locator("link[rel=icon]")).hasAttribute("href", Pattern.compile("favicon\\.svg$"));
    page.getByLabel("Username").fill("pg-designer");
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
    page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    assertThat(page.locator("#home-designer")).isVisible();
    page.navigate(url("/flows"));
    assertThat(page.locator("#flow-grid")).isVisible();
    org.assertj.core.api.Assertions.assertThat(missing).isEmpty();
  }

  @Test
  void homeShowsABlockForEachRole() {
    Page designer = signIn("pg-designer");
    assertThat(designer.locator("h1")).hasText("Welcome, Dana Designer");
    assertThat(designer.locator("#current-user-name")).hasText("Dana Designer");
    assertThat(designer.locator("#home-designer")).isVisible();
    assertThat(designer.locator("#home-new-flow")).isVisible();
    assertThat(designer.locator("#home-new-from-template")).isVisible();
    assertThat(designer.locator("#home-agent")).hasCount(0);
    assertThat(designer.locator("#home-admin")).hasCount(0);
    noPageScroll(designer);
    screenshot(designer, "home-designer");
    designer.locator("#home-new-from-template").click();
    assertThat(designer.locator("#template-dialog")).containsText("Priority routing");

    Page integrator = signIn("pg-integrator");
    assertThat(integrator.locator("#home-integrator")).containsText(Pattern.compile("(No|\\d+) data steps? that flows can call"));
    assertThat(integrator.locator("#home-integrator").getByText("Open Integrations")).isVisible();
    assertThat(integrator.locator("#home-designer")).hasCount(0);
    screenshot(integrator, "home-integrator");

    Page agent = signIn("pg-agent");
    assertThat(agent.locator("#home-agent")).containsText("assigned to you");
    assertThat(agent.locator("#home-designer")).hasCount(0);
    screenshot(agent, "home-agent");
    agent.locator("#home-open-desk").click();
    agent.waitForURL(Pattern.compile(".*/desk$"));

    Page admin = signIn("pg-admin");
    assertThat(admin.locator("#home-user-count")).containsText(Pattern.compile("\\d+ users"));
    assertThat(admin.locator("#home-health")).containsText("Database answers");
    assertThat(admin.locator("#home-agent")).hasCount(0);
    // an admin opens the designers', integrators' and supervisors' screens too, so their blocks show
    assertThat(admin.locator("#home-designer")).isVisible();
    assertThat(admin.locator("#home-integrator")).isVisible();
    assertThat(admin.locator("#home-supervisor")).isVisible();
    screenshot(admin, "home-admin");

    Page both = signIn("pg-both");
    assertThat(both.locator("#home-designer")).isVisible();
    assertThat(both.locator("#home-agent")).isVisible();
  }

  @Test
  void theFlowListShowsWhatStartsEachFlowItsStateAndErrors() {
    if (dataSteps.find("crm-customer").isEmpty()) {
      dataSteps.create(FlowJson.readTree("{\"id\": \"crm-customer\", \"name\": \"crm-customer\", "
          + "\"url\": \"http://127.0.0.1:9/lookup\", \"query\": {\"q\": \"{{ input.phone }}\"}, "
          + "\"inputs\": [{\"name\": \"phone\", \"required\": true}]}"), "integrator");
    }
    ObjectNode live = (ObjectNode) FlowJson.readTree(Examples.priorityRouting());
    live.put("id", "pages-live").put("name", "Pages live routing");
    ((ObjectNode) live.path("nodes").get(0).path("config")).put("address", "+48221009999");
    flows.saveDraft("pages-live", FlowJson.write(live), "pg-designer", null);
    flows.publish("pages-live", "first", "pg-designer");
    live.put("description", "changed after publishing");
    flows.saveDraft("pages-live", FlowJson.write(live), "pg-designer", null);
    ObjectNode broken = (ObjectNode) live.deepCopy();
    broken.put("id", "pages-broken").put("name", "Pages broken routing");
    ((ObjectNode) broken.path("nodes").get(0).path("config")).put("address", "+48221009998");
    ((ObjectNode) broken.path("nodes").get(1).path("config")).put("step", "pages-no-such-step");
    flows.saveDraft("pages-broken", FlowJson.write(broken), "pg-designer", null);
    int errors = flows.list().stream().filter(d -> d.id().equals("pages-broken")).findFirst().orElseThrow().errorCount();
    // a draft whose trigger number another published flow answers: no error when saved, one in the list as in the editor
    ObjectNode taken = (ObjectNode) live.deepCopy();
    taken.put("id", "pages-taken").put("name", "Pages taken number");
    flows.saveDraft("pages-taken", FlowJson.write(taken), "pg-designer", null);
    io.switchboard.runtime.model.FlowDraft takenDraft = flows.list().stream().filter(d -> d.id().equals("pages-taken"))
        .findFirst().orElseThrow();
    org.assertj.core.api.Assertions.assertThat(takenDraft.errorCount()).as("stored at save").isZero();
    org.assertj.core.api.Assertions.assertThat(io.switchboard.designer.flows.FlowSummaries.of(takenDraft, flows).errors())
        .isEqualTo("1 error");
    org.assertj.core.api.Assertions.assertThat(errors).as("a flow calling an unknown data step has errors").isPositive();

    Page page = signIn("pg-designer");
    page.navigate(url("/flows"));
    page.locator("#flow-search input").fill("Pages");
    Locator grid = page.locator("#flow-grid");
    assertThat(grid).containsText("Voice · +48 22 100 99 99");
    assertThat(grid).containsText("Published v1, draft changed");
    assertThat(grid).containsText("v1 · just now");
    assertThat(grid).containsText("just now by Dana Designer");
    assertThat(grid).containsText(errors == 1 ? "1 error" : errors + " errors");
    assertThat(grid).containsText("No errors");
    double gridRight = ((Number) page.evaluate("() => document.querySelector('#flow-grid').getBoundingClientRect().right"))
        .doubleValue();
    org.assertj.core.api.Assertions.assertThat(gridRight).as("the list fits 1366 px").isLessThanOrEqualTo(1366);
    org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("() => { const g = document.querySelector('#flow-grid');"
        + " const s = g.shadowRoot.querySelector('#table'); return s.scrollWidth <= s.clientWidth + 1; }"))
        .as("no sideways scrolling in the list").isTrue();
    screenshot(page, "flow-list");

    page.locator("#flow-search input").fill("no flow is called like this");
    assertThat(page.locator("#flow-grid .sb-empty-state")).containsText("No flow's name contains these words.");
    page.locator("#flow-grid .sb-empty-state-action").click();
    assertThat(grid).containsText("Pages live routing");
  }

  @Test
  void newFromTemplateCreatesEachReferenceFlow() {
    Page page = signIn("pg-designer");
    List<String> templates = List.of("priority-routing", "support-call", "self-service", "email-case", "campaign");
    for (String template : templates) {
      page.navigate(url("/flows"));
      page.locator("#new-from-template").click();
      assertThat(page.locator("#template-dialog")).containsText("Self-service first");
      if (template.equals("priority-routing")) {
        screenshot(page, "templates");
      }
      page.locator("#use-template-" + template).click();
      page.locator("#flow-name input").fill("Pages template " + template);
      page.locator("#flow-name-save").click();
      String id = "pages-template-" + template;
      page.waitForURL(Pattern.compile(".*/flows/" + id + "$"));
      org.assertj.core.api.Assertions.assertThat(flows.draft(id).document().path("nodes").size())
          .as(template).isEqualTo(FlowJson.readTree(Examples.read(template)).path("nodes").size());
      org.assertj.core.api.Assertions.assertThat(flows.draft(id).publishedVersion()).isNull();
    }
  }

  @Test
  void anAdminEditsDisablesEnablesAndResetsAUser() {
    Page admin = signIn("pg-admin");
    admin.navigate(url("/admin"));
    assertThat(admin.locator("#allow-grid")).isVisible();
    admin.locator("#edit-user-pg-target").click();
    admin.locator("#edit-display-name input").fill("Tara Target");
    admin.locator("#edit-roles").getByText("Supervisor").click();
    admin.locator("#edit-user-save").click();
    assertThat(admin.locator("#user-grid")).containsText("Tara Target");
    assertThat(admin.locator("#user-grid")).containsText("Agent, Supervisor");
    screenshot(admin, "admin-users");

    Page target = signIn("pg-target");
    assertThat(target.locator("#current-user-name")).hasText("Tara Target");

    admin.locator("#disable-user-pg-target").click();
    admin.locator("[slot='confirm-button']:visible").click();
    assertThat(admin.locator("#enable-user-pg-target")).isVisible();
    target.navigate(url("/"));
    assertThat(target.getByText("This account is disabled")).isVisible();
    Page refused = BROWSER.newPage(1366, 768);
    refused.navigate(url("/login"));
    refused.getByLabel("Username").fill("pg-target");
    refused.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
    refused.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    assertThat(refused.getByText("This account is disabled")).isVisible();
    // without its password nobody learns the account exists, nor that it is disabled
    Page guessing = BROWSER.newPage(1366, 768);
    guessing.navigate(url("/login"));
    guessing.getByLabel("Username").fill("pg-target");
    guessing.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("not-the-password");
    guessing.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    assertThat(guessing.locator("vaadin-login-form")).containsText("Incorrect");
    assertThat(guessing.getByText("This account is disabled")).hasCount(0);

    admin.locator("#enable-user-pg-target").click();
    assertThat(admin.locator("#disable-user-pg-target")).isVisible();
    signIn("pg-target");

    admin.locator("#reset-user-pg-target").click();
    admin.locator("#reset-how").getByText("Type a new password").click();
    admin.locator("#reset-password input").fill("a-new-long-password");
    admin.locator("#reset-password-save").click();
    BROWSER.signIn(port, "pg-target", "a-new-long-password", 1366, 768);

    admin.locator("#reset-user-pg-target").click();
    admin.locator("#reset-password-save").click();
    String generated = admin.locator("#generated-password input").inputValue();
    org.assertj.core.api.Assertions.assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
    BROWSER.signIn(port, "pg-target", generated, 1366, 768);
    accounts.resetPassword("pg-target", PASSWORD);
  }
}
