package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.Queue;
import io.switchboard.runtime.routing.RoutingService;
import io.switchboard.runtime.service.FlowService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A supervisor sets routing up on the Routing screen — the region tree with its hours, agents' skills,
 * regions, a substitute and an absence — then asks the what-if simulator about a Warsaw caller, and
 * the staffing card how many agents a queue needs. A designer's route node offers the skills in use.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:routingscreens;DB_CLOSE_DELAY=-1", "switchboard.admin.password=routing-admin-pw"})
class RoutingScreensIT {
  private static final int WIDTH = 1366;
  private static final int HEIGHT = 768;
  private static final Path SHOTS = Path.of("target", "screenshots");

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @Value("${local.server.port}")
  int port;

  @Autowired
  UserAccounts users;

  @Autowired
  DeskService desk;

  @Autowired
  RoutingService routing;

  @Autowired
  FlowService flows;

  @BeforeAll
  static void folders() throws Exception {
    Files.createDirectories(SHOTS);
  }

  @Test
  void aSupervisorSetsUpRoutingAndTheSimulatorExplainsTheSubstituteOfAnAbsentAgent() {
    users.create("sup", "long-enough-pw", null, Set.of(Role.supervisor));
    for (String agent : List.of("ann", "cid")) {
      users.create(agent, "long-enough-pw", null, Set.of(Role.agent));
    }
    desk.putQueue(new Queue("support", "Customer support", List.of("ann", "cid"), 600, 30, List.of()));
    Page page = BROWSER.signIn(port, "sup", "long-enough-pw", WIDTH, HEIGHT);
    page.navigate("http://127.0.0.1:" + port + "/routing");
    assertThat(page.locator("#routing-agents")).containsText("ann");
    assertThat(page.evaluate("getComputedStyle(document.querySelector('.sb-routing')).overflow")).as("routing.css")
        .isEqualTo("hidden");

    page.locator("#tab-regions").click();
    settle(page);
    assertThat(page.locator("#region-empty")).containsText("No regions yet — add a country");
    page.locator("#region-add-root").click();
    page.locator("#region-name input").fill("Poland");
    page.locator("#region-countries input").fill("PL");
    page.locator("#region-ok").click();
    addChild(page, "poland", "Mazowieckie", "Warszawa");
    addChild(page, "poland", "Małopolskie", "Kraków");
    assertThat(page.locator("#region-state")).hasText("Unsaved changes");
    page.locator("#region-save").click();
    assertThat(page.locator("#region-state")).hasText("3 regions saved");
    assertThat(page.locator("#region-tree")).containsText("malopolskie");

    page.locator("#region-hours-mazowieckie").click();
    pick(page, "#hours-zone", "Europe/Warsaw");
    page.locator("#hours-holiday input").fill("12/24/2026");
    page.locator("#hours-holiday input").press("Enter");
    page.locator("#hours-holiday-add").click();
    assertThat(page.locator("#hours-holidays")).containsText("2026-12-24");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("routing-hours-dialog.png")));
    page.locator("#hours-save").click();
    assertThat(page.locator("#hours-save")).hasCount(0);
    assertThat(page.locator("#region-tree")).containsText("Mon–Fri 08:00–17:00 (Europe/Warsaw), 1 holiday");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("routing-regions.png")));

    page.locator("#tab-agents").click();
    settle(page);
    editAgent(page, "ann", "Product Router", 4, "Mazowieckie");
    assertThat(page.locator("#agent-error")).containsText("a skill is written in lower case");
    page.locator("#skill-name-0 input").fill("product:router");
    page.locator("#skill-name-0 input").press("Enter");
    page.locator("#skill-name-0 input").press("Tab");
    page.locator("#agent-save").click();
    assertThat(page.locator("#routing-agents")).containsText("product:router 4");
    assertThat(page.locator("#routing-agents")).containsText("Mazowieckie");
    editAgent(page, "cid", "product:router", 5, "Małopolskie");
    assertThat(page.locator("#routing-agents")).containsText("product:router 5");

    page.locator("#edit-agent-ann").click();
    pick(page, "#substitute-pick", "cid");
    page.locator("#substitute-add").click();
    assertThat(page.locator("#substitute-0")).hasText("1. cid");
    page.locator("#absence-add").click();
    assertThat(page.locator("#agent-absences")).containsText("sick, ");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("routing-agent-dialog.png")));
    page.locator("#agent-save").click();
    assertThat(page.locator("#agent-save")).hasCount(0);
    assertThat(page.locator("#routing-agents")).containsText("Absent (sick) until");
    assertThat(routing.profiles().get("ann").substitutes()).containsExactly("cid");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("routing-agents.png")));

    page.locator("#tab-queues").click();
    settle(page);
    assertThat(page.locator("#queue-sub-save-support")).isVisible();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("routing-queues.png")));

    page.locator("#tab-simulator").click();
    settle(page);
    page.locator("#sim-caller input").fill("+48 22 555 01 00");
    pick(page, "#sim-preferred", "ann");
    page.locator("#sim-skill-add").click();
    pick(page, "#sim-skill-0", "product:router");
    page.locator("#sim-skill-min-0 input").fill("3");
    page.locator("#sim-step-add").click();
    page.locator("#sim-step-seconds-0 input").fill("30");
    page.locator("#sim-step-add").click();
    page.locator("#sim-live").click();
    for (String agent : List.of("ann", "cid")) {
      page.locator("#sim-state-" + agent).click();
      page.locator("#sim-state-" + agent + " vaadin-select-item").filter(new Locator.FilterOptions()
          .setHasText("Available")).click();
      assertThat(page.locator("#sim-state-" + agent)).containsText("Available");
    }
    assertThat(page.locator("vaadin-select[opened]")).hasCount(0);
    page.locator("#sim-caller").scrollIntoViewIfNeeded();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("routing-simulator-inputs.png")));
    page.locator("#sim-run").click();
    Locator verdict = page.locator("#sim-verdict");
    assertThat(verdict).containsText("cid");
    assertThat(verdict).containsText("substitute of ann, who is absent (sick)");
    assertThat(verdict).containsText("Same region");
    assertThat(verdict).containsText("Mazowieckie (poland > mazowieckie)");
    assertThat(page.locator("#sim-considered")).containsText("passed over: absent (sick)");
    assertThat(page.locator("#sim-considered")).containsText("chosen");

    page.locator("#staffing-calls input").fill("100");
    page.locator("#staffing-handle input").fill("180");
    page.locator("#staffing-level input").fill("80");
    page.locator("#staffing-target input").fill("20");
    page.locator("#staffing-calculate").click();
    assertThat(page.locator("#staffing-result")).containsText("200 calls per hour");
    assertThat(page.locator("#staffing-result")).containsText("14 agents needed");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("routing-simulator.png")));
    assertThat((Boolean) page.evaluate("document.scrollingElement.scrollHeight <= window.innerHeight"))
        .as("the page itself never scrolls").isTrue();
  }

  @Test
  void theRouteNodesSkillFieldOffersTheSkillsInUse() {
    users.create("dan", "long-enough-pw", null, Set.of(Role.agent));
    routing.putProfile("dan", Map.of("product:router", 2), List.of(), Map.of(), List.of());
    flows.saveDraft("self-service", Examples.read("self-service"), "admin", null);
    Page page = BROWSER.signIn(port, "admin", "routing-admin-pw", WIDTH, HEIGHT);
    page.navigate("http://127.0.0.1:" + port + "/flows/self-service");
    page.locator(".react-flow__node[data-id='route'] .sb-card-head").click();
    page.locator("#node-form-skills-0-skill input").fill("product:r");
    assertThat(page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions()
        .setHasText("product:router"))).hasCount(1);
    page.locator("#node-form-preferredAgent input").fill("da");
    assertThat(page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText("dan")))
        .hasCount(1);
  }

  /** Waits until the server has answered every request the page sent (a tab's refresh re-renders its grid). */
  private static void settle(Page page) {
    page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients)"
        + ".every(c => !c.isActive || !c.isActive())");
  }

  /** Picks a combo box's item by typing part of it and clicking it, so the overlay is closed after. */
  private static void pick(Page page, String combo, String item) {
    page.locator(combo + " input").fill(item);
    page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText(item)).first().click();
    assertThat(page.locator("vaadin-combo-box-item:visible")).hasCount(0);
  }

  private static void addChild(Page page, String parent, String name, String area) {
    page.locator("#region-add-" + parent).click();
    page.locator("#region-name input").fill(name);
    page.locator("#region-areas input").fill(area);
    page.locator("#region-ok").click();
    assertThat(page.locator("#region-tree")).containsText(name);
  }

  private static void editAgent(Page page, String agent, String skill, int level, String region) {
    settle(page);
    page.locator("#edit-agent-" + agent).click();
    page.locator("#skill-add").click();
    page.locator("#skill-name-0 input").fill(skill);
    page.locator("#skill-name-0 input").press("Enter");
    page.locator("#skill-name-0 input").press("Tab");
    page.locator("#skill-level-0 input").fill(String.valueOf(level));
    page.locator("#agent-regions input").fill(region.substring(0, 4));
    page.locator("vaadin-multi-select-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText(region))
        .first().click();
    page.locator("#agent-regions input").press("Tab");
    page.locator("#agent-save").click();
  }
}
