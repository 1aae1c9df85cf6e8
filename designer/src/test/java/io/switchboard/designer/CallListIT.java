package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.runtime.desk.CallListEntry;
import io.switchboard.runtime.desk.CallListService;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.Queue;
import io.switchboard.runtime.service.FlowService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A supervisor sets up the renewal campaign on the call-lists screen — a refused setting shown on its
 * field, a CSV with a bad row refused with its line and nothing imported, then two good contacts — and
 * activates it; the agent previews each contact in the offer (with why they were chosen, which the
 * supervisor also reads), calls, records the outcome (a call back in an hour, then reached), ends and
 * wraps up; the list's progress shows one done, one pending.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:calllist;DB_CLOSE_DELAY=-1", "switchboard.admin.password=calllist-admin-pw",
    "switchboard.desk.offer-timeout=60s"})
class CallListIT {
  private static final int WIDTH = 1366;
  private static final int HEIGHT = 768;
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final String ANNA = "+48221110001";
  private static final String JAN = "+48221110002";

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @Value("${local.server.port}")
  int port;

  @Autowired
  FlowService flows;

  @Autowired
  DeskService desk;

  @Autowired
  CallListService lists;

  @Autowired
  UserAccounts users;

  @Test
  void aSupervisorSetsUpTheCampaignAndAnAgentWorksItFromThePreview() throws Exception {
    flows.saveDraft("campaign", Examples.read("campaign"), "designer", null);
    flows.publish("campaign", "call list test", "designer");
    users.create("agent1", "long-enough-pw", null, Set.of(Role.agent));
    desk.putQueue(new Queue("sales", "Sales", List.of("agent1"), 600, 120, List.of("Renewed", "Call back")));
    Files.createDirectories(SHOTS);
    Path bad = csv("bad.csv", "number,name,product\n" + ANNA + ",Anna Nowak,fibre\n,Jan Kowalski,tv\n");
    Path good = csv("good.csv", "number,name,product\n" + ANNA + ",Anna Nowak,fibre\n" + JAN + ",Jan Kowalski,tv\n");

    Page supervisor = BROWSER.signIn(port, "admin", "calllist-admin-pw", WIDTH, HEIGHT);
    supervisor.navigate(url("/desk/call-lists"));
    assertThat(supervisor.locator("#no-call-lists")).containsText("No call lists yet — create one");
    supervisor.locator("#new-call-list").click();
    supervisor.locator("#call-list-id input").fill("renewals-2026");
    supervisor.locator("#call-list-name input").fill("Renewals 2026");
    pick(supervisor, "#call-list-flow", "Renewal campaign");
    pick(supervisor, "#call-list-queue", "Sales");
    supervisor.locator("#call-list-attempts input").fill("0");
    supervisor.locator("#call-list-save").click();
    assertThat(supervisor.locator("#call-list-attempts")).hasAttribute("invalid", "");
    assertThat(supervisor.locator("#call-list-attempts")).containsText("between 1 and 20");
    supervisor.locator("#call-list-attempts input").fill("3");
    supervisor.locator("#call-list-save").click();
    Locator grid = supervisor.locator("#call-list-grid");
    for (String shown : List.of("Renewals 2026", "Renewal campaign", "Sales", "Paused", "no contacts")) {
      assertThat(grid).containsText(shown);
    }
    assertThat(supervisor.locator("#no-entries")).containsText("No contacts yet — import a CSV");

    supervisor.locator("#import-csv input[type=file]").setInputFiles(bad);
    assertThat(supervisor.locator("#import-result")).containsText("Nothing imported");
    assertThat(supervisor.locator("#import-result")).containsText("line 3: the number is empty");
    assertThat(lists.entries("renewals-2026", 10)).as("a bad row imports nothing").isEmpty();
    assertThat(supervisor.locator("#no-entries")).isVisible();

    supervisor.locator("#import-csv input[type=file]").setInputFiles(good);
    assertThat(supervisor.locator("#import-result")).containsText("2 contacts imported");
    assertThat(supervisor.locator("#entry-grid")).containsText("Anna Nowak");
    assertThat(supervisor.locator("#entry-grid")).containsText(JAN);
    assertThat(supervisor.locator("#toggle-call-list")).hasText("Activate");
    supervisor.locator("#toggle-call-list").click();
    assertThat(supervisor.locator("#toggle-call-list")).hasText("Pause");
    assertThat(grid).containsText("Active");

    Page agent = BROWSER.signIn(port, "agent1", "long-enough-pw", WIDTH, HEIGHT);
    agent.navigate(url("/desk"));
    assertThat(agent.locator("#desk-empty")).isVisible();
    pick(agent, "#agent-state", "Available");
    Locator offer = agent.locator("#offer");
    assertThat(offer).containsText("Call list: Renewals 2026 — Anna Nowak, " + ANNA);
    assertThat(agent.locator("#offer-prompt")).containsText("Hello Anna Nowak, your contract ends soon");
    assertThat(agent.locator("#offer-reason")).containsText("Why you: ");
    assertThat(agent.locator("#accept-offer")).hasText("Call");
    assertThat(offer).hasCSS("border-top-style", "solid"); // the desk's stylesheet reaches signed-in users
    agent.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("call-list-offer.png")));
    assertNoPageScroll(agent);

    supervisor.navigate(url("/desk/supervisor"));
    assertThat(supervisor.locator("#waiting-grid")).containsText(ANNA);
    assertThat(supervisor.locator("#waiting-grid")).containsText("agent1");
    assertThat(supervisor.locator("#routing-verdicts")).containsText("chosen");
    supervisor.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("supervisor-waiting.png")));
    assertNoPageScroll(supervisor);

    agent.locator("#accept-offer").click();
    assertThat(agent.locator("#script-prompt")).containsText("Hello Anna Nowak");
    assertThat(agent.locator("#call-panel")).isVisible();
    agent.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("call-list-call.png")));
    long before = System.currentTimeMillis();
    agent.locator("#outcome-call_back").click();
    assertThat(agent.locator("#call-outcome-recorded")).containsText("Recorded: Call back at");
    CallListEntry anna = entry(ANNA);
    assertThat(anna.status()).isEqualTo("pending");
    assertThat(anna.lastOutcome()).isEqualTo("call_back");
    assertThat(anna.preferredAgent()).isEqualTo("agent1");
    assertThat(anna.nextAttemptAt() - before).as("called back in about an hour")
        .isBetween(58 * 60_000L, 61 * 60_000L);
    endAndWrapUp(agent, "Call back");

    assertThat(offer).containsText("Jan Kowalski, " + JAN);
    agent.locator("#accept-offer").click();
    assertThat(agent.locator("#script-prompt")).containsText("Hello Jan Kowalski");
    agent.locator("#outcome-reached").click();
    assertThat(agent.locator("#call-outcome-recorded")).containsText("Recorded: Reached");
    endAndWrapUp(agent, "Renewed");
    assertThat(entry(JAN).status()).isEqualTo("done");

    supervisor.navigate(url("/desk/call-lists"));
    Locator progress = supervisor.locator("#progress-renewals-2026");
    assertThat(progress).containsText("1 pending");
    assertThat(progress).containsText("1 done");
    assertThat(supervisor.locator("#entry-grid")).containsText("Reached");
    assertThat(supervisor.locator("#entry-grid")).containsText("call back");
    supervisor.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("call-lists.png")));
    assertNoPageScroll(supervisor);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private CallListEntry entry(String number) {
    return lists.entries("renewals-2026", 10).stream().filter(e -> e.phone().equals(number)).findFirst().orElseThrow();
  }

  private static Path csv(String name, String text) throws java.io.IOException {
    return Files.writeString(Files.createDirectories(Path.of("target", "call-list-it")).resolve(name), text);
  }

  private static void pick(Page page, String select, String item) {
    page.locator(select).click();
    page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
  }

  private static void endAndWrapUp(Page page, String code) {
    page.locator("#end").click();
    assertThat(page.locator("#wrap-up")).isVisible();
    pick(page, "#wrap-up-code", code);
    page.locator("#wrap-up-done").click();
    assertThat(page.locator("#wrap-up")).hasCount(0);
  }

  private static void assertNoPageScroll(Page page) {
    assertThat(page.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight"))
        .as("the screen fits the window without page scroll").isEqualTo(true);
  }
}
