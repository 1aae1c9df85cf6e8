package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.Queue;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.service.DataStepService;
import io.switchboard.runtime.service.FlowService;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.StartRequest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two agents at their desks in two browsers take the support call of source 000 live: each is offered
 * one call, accepts it, sees the caller's account, follows the script — one to "Solved" (the fix goes
 * out by e-mail), one, whose caller has no contract, to "Not solved" with high urgency (the case is
 * escalated) — ends and wraps up; neither ever sees the other's caller.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:agentdesk;DB_CLOSE_DELAY=-1", "switchboard.admin.password=desk-admin-pw",
    "switchboard.http.allowed-hosts=127.0.0.1", "switchboard.outbox-interval=200ms",
    "switchboard.desk.offer-timeout=60s"})
class AgentDeskIT {
  private static final int WIDTH = 1366;
  private static final int HEIGHT = 768;
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final String ANN = "+48221110001";
  private static final String BOB = "+48221110002";

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  static final GreenMail MAIL = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));

  /** The ticketing system: Ann has an active support contract, Bob has none. */
  static final HttpServer TICKETING = LoopbackServer.start("/customers", exchange -> {
    String query = exchange.getRequestURI().getRawQuery();
    boolean ann = query != null && query.contains("0001");
    LoopbackServer.json(exchange, 200, ann
        ? "{\"name\": \"Ann Solvedfast\", \"email\": \"ann@example.com\", \"contract\": {\"active\": true}}"
        : "{\"name\": \"Bob Nocontract\", \"email\": \"bob@example.com\", \"contract\": {\"active\": false}}");
  });

  static {
    MAIL.start();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
  }

  @Value("${local.server.port}")
  int port;

  @Autowired
  io.switchboard.runtime.tickets.TicketService tickets;

  @Autowired
  FlowService flows;

  @Autowired
  DataStepService dataSteps;

  @Autowired
  DeskService desk;

  @Autowired
  InteractionService interactions;

  @Autowired
  UserAccounts users;

  @AfterAll
  static void close() {
    MAIL.stop();
    TICKETING.stop(0);
  }

  @Test
  void twoAgentsTakeTheSupportCallLiveEachSeeingOnlyTheirOwnCaller() throws Exception {
    dataSteps.create(FlowJson.readTree("{\"id\": \"ticketing-customer\", \"name\": \"Ticketing customer\", "
        + "\"url\": \"http://127.0.0.1:" + TICKETING.getAddress().getPort() + "/customers\", "
        + "\"query\": {\"phone\": \"{{ input.phone }}\"}, \"inputs\": [{\"name\": \"phone\", \"required\": true}]}"),
        "integrator");
    String flow = Examples.read("support-call").replace("\"channel\": \"voice\"",
        "\"channel\": \"voice\", \"defaultQueue\": \"support\"");
    flows.saveDraft("support-call", flow, "designer", null);
    flows.publish("support-call", "desk test", "designer");
    for (String agent : List.of("agent1", "agent2")) {
      users.create(agent, "long-enough-pw", null, Set.of(Role.agent));
    }
    desk.putQueue(new Queue("support", "Customer support", List.of("agent1", "agent2"), 600, 120,
        List.of("Fixed on the call", "Case opened", "Call back")));
    Files.createDirectories(SHOTS);

    Page supervisor = BROWSER.signIn(port, "admin", "desk-admin-pw", WIDTH, HEIGHT);
    supervisor.navigate("http://127.0.0.1:" + port + "/desk/supervisor");
    assertThat(supervisor.locator("#queue-grid")).containsText("Customer support");

    supervisor.locator("#new-queue").click();
    supervisor.locator("#queue-id input").fill("Billing Desk");
    supervisor.locator("#queue-name input").fill("Billing");
    supervisor.locator("#queue-save").click();
    assertThat(supervisor.locator("#queue-id")).hasAttribute("invalid", "");
    assertThat(supervisor.locator("#queue-id")).containsText("a queue id is");
    supervisor.locator("#queue-id input").fill("billing");
    supervisor.locator("#queue-save").click();
    assertThat(supervisor.locator("#queue-grid")).containsText("Billing");

    Page one = openDesk("agent1");
    Page two = openDesk("agent2");
    choose(one, "Available");
    assertThat(one.locator("#desk-empty")).containsText("You are available");
    String annCall = start(ANN);
    assertThat(one.locator("#offer")).containsText(ANN);
    assertThat(one.locator("#offer")).containsText("Customer support");
    one.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("desk-offer.png")));
    assertThat(two.locator("#desk-empty")).containsText("You are offline");
    one.locator("#accept-offer").click();

    choose(two, "Available");
    String bobCall = start(BOB);
    assertThat(two.locator("#offer")).containsText(BOB);
    two.locator("#accept-offer").click();

    assertThat(one.locator("#script-prompt")).containsText("thank you for calling support");
    one.locator("#answer-continue").click();
    assertThat(one.locator("#script-error")).containsText("'Problem description' is required");
    one.locator("#hold").click();
    assertThat(one.locator("#hold")).hasText("Resume");
    assertThat(one.locator("#comm-info")).containsText("on hold");
    one.locator("#hold").click();
    assertThat(one.locator("#hold")).hasText("Hold");
    for (Page page : List.of(one, two)) {
      assertThat(page.locator("#script-prompt")).containsText("thank you for calling support");
      assertThat(page.locator("#comm-caller")).isVisible();
      page.locator("#field-problem input").fill("The router keeps restarting");
      page.locator("#answer-continue").click();
      assertThat(page.locator("#script-prompt")).containsText("restart the device");
    }
    assertThat(one.locator("#account-info")).containsText("Ann Solvedfast");
    assertThat(one.locator("#account-info")).containsText("ann@example.com");
    assertThat(two.locator("#account-info")).containsText("Bob Nocontract");
    assertThat(two.locator("#alerts")).containsText("no active support contract");
    assertThat(one.locator("#alerts")).containsText("No alerts");
    assertThat(two.locator("#script-breadcrumb")).containsText("Welcome");
    two.locator("#note-pad textarea").fill("Caller asks about a paid incident");
    two.locator("#save-note").click();
    assertThat(two.locator("#note-list")).containsText("paid incident");
    assertThat(two.locator("#case-threads")).containsText("Not in a thread yet");
    two.locator("#case-open").click();
    assertThat(two.locator("#case-subject input")).hasValue("Call from " + BOB);
    two.locator("#case-create").click();
    assertThat(two.locator("#case-threads a")).containsText("Call from " + BOB);
    assertThat(tickets.threadsOf(bobCall)).singleElement().satisfies(t -> assertThat(t.customer().phones()).contains(BOB));
    two.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("desk-script.png")));
    assertThat(one.locator("body").innerText()).doesNotContain("Bob Nocontract").doesNotContain(BOB);
    assertThat(two.locator("body").innerText()).doesNotContain("Ann Solvedfast").doesNotContain(ANN);
    for (Page page : List.of(one, two)) {
      assertThat(page.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight"))
          .as("the workspace fits the window without page scroll").isEqualTo(true);
    }
    assertThat(supervisor.locator("#agent-grid")).containsText(BOB);
    supervisor.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("supervisor.png")));

    one.locator("#answer-solved").click();
    assertThat(one.locator("#script-status")).containsText("The flow has finished");
    assertThat(MAIL.waitForIncomingEmail(15_000, 1)).as("the fix instructions are sent").isTrue();
    MimeMessage fix = MAIL.getReceivedMessages()[0];
    assertThat(fix.getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
    assertThat(fix.getSubject()).isEqualTo("How to fix: The router keeps restarting");

    two.locator("#field-urgency input").fill("high");
    two.locator("#answer-unsolved").click();
    assertThat(two.locator("#script-status")).containsText("The flow has finished");
    assertThat(two.locator("#alerts")).containsText("Urgent case");
    assertThat(interactions.get(bobCall).status()).isEqualTo(InteractionStatus.completed);
    assertThat(interactions.get(bobCall).priority()).isEqualTo("urgent");

    for (Page page : List.of(one, two)) {
      page.locator("#end-finished").click();
      assertThat(page.locator("#wrap-up")).isVisible();
      assertThat(page.locator("#acw-countdown")).isVisible();
    }
    one.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("desk-wrap-up.png")));
    wrapUp(one, "Fixed on the call");
    wrapUp(two, "Case opened");
    assertThat(desk.assignment(annCall).orElseThrow().wrapUpCode()).isEqualTo("Fixed on the call");
    assertThat(desk.assignment(bobCall).orElseThrow().wrapUpCode()).isEqualTo("Case opened");
    assertThat(one.locator("#desk-empty")).containsText("You are available");

    assertThat(one.locator("body").innerText()).doesNotContain("Bob Nocontract").doesNotContain(BOB);
    assertThat(two.locator("body").innerText()).doesNotContain("Ann Solvedfast").doesNotContain(ANN);
    one.close();
    long until = System.currentTimeMillis() + 15_000;
    while (desk.me("agent1").state() != io.switchboard.runtime.desk.AgentState.offline
        && System.currentTimeMillis() < until) {
      Thread.sleep(100);
    }
    assertThat(desk.me("agent1").state()).as("agent1's last workspace closed").hasToString("offline");

    two.navigate("http://127.0.0.1:" + port + "/desk?interaction=" + annCall);
    assertThat(two.getByText("is not yours to see")).isVisible();
    assertThat(two.locator("body").innerText()).doesNotContain("Ann Solvedfast");
  }

  private Page openDesk(String agent) {
    Page page = BROWSER.signIn(port, agent, "long-enough-pw", WIDTH, HEIGHT);
    page.navigate("http://127.0.0.1:" + port + "/desk");
    assertThat(page.locator("#agent-state")).isVisible();
    assertThat(page.locator("#desk-empty")).isVisible();
    return page;
  }

  private static void choose(Page page, String state) {
    page.locator("#agent-state").click();
    page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(state))
        .first().click();
  }

  private static void wrapUp(Page page, String code) {
    page.locator("#wrap-up-code").click();
    page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(code))
        .first().click();
    page.locator("#wrap-up-done").click();
    assertThat(page.locator("#wrap-up")).hasCount(0);
  }

  private static int freePort() {
    try {
      return AppProcess.freePort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String start(String caller) {
    return interactions.start(new StartRequest("support-call", "voice", caller, "+48225550100", Map.of(), Map.of(), null))
        .id();
  }
}
