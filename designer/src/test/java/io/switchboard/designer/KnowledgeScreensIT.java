package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.switchboard.runtime.store.jooq.Tables.INTERACTION;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.Queue;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.knowledge.Article;
import io.switchboard.runtime.knowledge.ArticleDraft;
import io.switchboard.runtime.knowledge.ArticleFilter;
import io.switchboard.runtime.knowledge.KnowledgeService;
import io.switchboard.runtime.service.FlowService;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.StartRequest;
import io.switchboard.runtime.tickets.TicketService;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The knowledge screens in a real browser on one app: a supervisor writes, publishes, edits and
 * imports articles; a customer on the public help page finds only published ones, reads one, hands
 * the question to people and is slowed down when flooding; an agent's desk panel finds the article
 * for an e-mail and sends it to the customer in the case thread.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:knowledgescreens;DB_CLOSE_DELAY=-1", "switchboard.admin.password=kb-admin-pw",
    "switchboard.knowledge.sample-articles=false", "switchboard.knowledge.public-rate=8",
    "switchboard.knowledge.self-service-flow=help-desk", "switchboard.outbox-interval=200ms",
    "switchboard.desk.offer-timeout=60s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KnowledgeScreensIT {
  private static final int WIDTH = 1366;
  private static final int HEIGHT = 768;
  private static final Path SHOTS = Path.of("target", "screenshots");

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  static final GreenMail MAIL = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));

  @TempDir
  static Path index;

  static {
    MAIL.start();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    registry.add("switchboard.knowledge.index-dir", () -> index.resolve("knowledge-index").toString());
  }

  @Value("${local.server.port}")
  int port;

  @Autowired
  KnowledgeService knowledge;

  @Autowired
  FlowService flows;

  @Autowired
  InteractionService interactions;

  @Autowired
  DeskService desk;

  @Autowired
  UserAccounts users;

  @Autowired
  TicketService tickets;

  @Autowired
  DSLContext dsl;

  @BeforeAll
  static void folders() throws Exception {
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void close() {
    MAIL.stop();
  }

  @Test
  @Order(1)
  void aSupervisorWritesPublishesEditsAndImportsArticles() throws Exception {
    Page page = BROWSER.signIn(port, "admin", "kb-admin-pw", WIDTH, HEIGHT);
    page.navigate(url("/knowledge"));
    assertThat(page.locator("#kb-empty")).containsText("write one with New article");
    assertThat(page.locator("#kb-editor-empty")).isVisible();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("knowledge-empty.png")));

    page.locator("#kb-new").click();
    page.locator("#kb-title input").fill("GPS tracker shows no position");
    page.locator("#kb-edit-product input").fill("TrackOne GPS");
    page.locator("#kb-tags input").fill("gps, restart");
    page.locator("#kb-problem textarea").fill("The tracker app shows no position since yesterday.");
    page.locator("#kb-solution textarea").fill("Turn it **off and on again**: hold the power button for 10 seconds.");
    assertThat(page.locator("#kb-preview strong")).hasText("off and on again");
    choose(page, "#kb-edit-status", "Published");
    page.locator("#kb-save").click();
    assertThat(page.locator("#kb-editor-heading")).containsText("Version 1");
    assertThat(page.locator("#kb-results")).containsText("GPS tracker shows no position");
    assertThat(page.locator("#kb-results")).containsText("Published");

    page.locator("#kb-solution textarea").fill("Turn it **off and on again**: hold the power button for 15 seconds, "
        + "then wait for the green light.");
    page.locator("#kb-save").click();
    assertThat(page.locator("#kb-editor-heading")).containsText("Version 2");
    page.locator("#kb-tab-history").click();
    assertThat(page.locator("#kb-history")).containsText("Version 2");
    assertThat(page.locator("#kb-history")).containsText("Version 1");
    assertThat(page.locator("#kb-history")).containsText("admin");
    page.locator("#kb-view-1").click();
    assertThat(page.locator("#kb-version-dialog")).containsText("10 seconds");
    page.keyboard().press("Escape");
    page.locator("#kb-tab-article").click();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("knowledge-editor.png")));

    page.locator("#kb-query input").fill("gps positon");
    page.locator("#kb-query input").press("Enter");
    assertThat(page.locator("#kb-summary")).containsText("1 article matches");
    assertThat(page.locator("#kb-results mark").first()).isVisible();
    page.locator(".sb-knowledge-explain").first().click();
    assertThat(page.locator("#kb-explain")).containsText("weight(");
    page.keyboard().press("Escape");
    assertThat(page.locator("#kb-explain")).hasCount(0);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("knowledge-search.png")));
    assertThat(page.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight"))
        .as("the knowledge screen fits the window").isEqualTo(true);

    int before = knowledge.list(ArticleFilter.ALL).size();
    Path bad = index.resolve("bad.csv");
    Files.writeString(bad, "title,solution,language,tags\n"
        + "Hotspot drops,Restart the hotspot.,en,hotspot\n"
        + "Klingon manual,Read it aloud.,tlh,manual\n");
    page.locator("#kb-import").click();
    page.locator("#kb-upload input[type=file]").setInputFiles(bad);
    page.locator("#kb-import-run").click();
    assertThat(page.locator("#kb-import-problems")).containsText("line 3: language: 'tlh'");
    assertThat(page.locator("#kb-import-result")).containsText("Nothing imported");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("knowledge-import.png")));
    assertThat(knowledge.list(ArticleFilter.ALL)).as("nothing half imported").hasSize(before);
    page.keyboard().press("Escape");

    Path good = index.resolve("good.csv");
    Files.writeString(good, "title,solution,language,tags,status\n"
        + "Hotspot drops,Restart the hotspot.,en,hotspot,published\n"
        + "Router blinks red,Check the cable.,en,router,draft\n");
    page.locator("#kb-import").click();
    page.locator("#kb-upload input[type=file]").setInputFiles(good);
    page.locator("#kb-import-run").click();
    assertThat(page.locator("#kb-import-ok")).hasText("2 articles imported");
    assertThat(knowledge.list(ArticleFilter.ALL)).hasSize(before + 2);
  }

  @Test
  @Order(2)
  void customersFindOnlyPublishedArticlesAskForAPersonAndAreSlowedDownWhenFlooding() {
    publishHelpDeskFlow();
    Article published = knowledge.create(new ArticleDraft("Router keeps restarting", "The router restarts every hour.",
        "Move the router away from the microwave and **update the firmware**.", "HomeBox", "en", List.of("router"),
        "published"), "admin");
    knowledge.create(new ArticleDraft("Router restarting internal draft", null, "Not for customers yet.", "HomeBox",
        "en", List.of("router"), "draft"), "admin");

    Page page = BROWSER.newPage(WIDTH, HEIGHT);
    page.navigate(url("/help"));
    assertThat(page.locator("#help-query")).isVisible();
    assertThat(page.locator("vaadin-app-layout")).hasCount(0);
    assertThat(page.locator("#current-user")).hasCount(0);
    page.locator("#help-query input").fill("router restarting");
    page.locator("#help-search").click();
    assertThat(page.locator("#help-results")).containsText("Router keeps restarting");
    assertThat(page.locator("#help-results")).not().containsText("internal draft");
    assertThat(page.locator("#help-results mark").first()).isVisible();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("help-results.png")));

    page.getByText("Router keeps restarting").click();
    assertThat(page.locator("#help-article-title")).hasText("Router keeps restarting");
    assertThat(page.locator("#help-article strong")).hasText("update the firmware");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("help-article.png")));
    page.locator("#help-not-helped").click();
    assertThat(page.locator("#help-ask-text textarea")).hasValue("router restarting");
    page.locator("#help-ask-name input").fill("Ann Customer");
    page.locator("#help-ask-contact input").fill("ann@example.com");
    page.locator("#help-ask-send").click();
    assertThat(page.locator("#help-thanks")).containsText("write to you at ann@example.com");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("help-thanks.png")));

    List<String> opened = dsl.select(INTERACTION.ID).from(INTERACTION).where(INTERACTION.FLOW_ID.eq("help-desk"))
        .fetch(INTERACTION.ID);
    assertThat(opened).hasSize(1);
    Interaction it = interactions.get(opened.getFirst());
    assertThat(it.channel()).isEqualTo("message");
    assertThat(it.trigger()).containsEntry("text", "router restarting").containsEntry("email", "ann@example.com")
        .containsEntry("name", "Ann Customer").containsEntry("from", "ann@example.com");
    assertThat(knowledge.get(published.id()).notHelped()).isEqualTo(1);

    page.navigate(url("/help"));
    for (int i = 0; i < 12 && page.locator("#help-too-many").count() == 0; i++) {
      page.locator("#help-query input").fill("router " + i);
      page.locator("#help-search").click();
      page.waitForTimeout(150);
    }
    assertThat(page.locator("#help-too-many")).containsText("Too many searches — try again in");
    assertThat(page.locator("#help-too-many")).containsText("seconds");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("help-too-many.png")));
  }

  @Test
  @Order(3)
  void anAgentFindsTheArticleForAnEmailAndSendsItInTheCaseThread() throws Exception {
    Article gps = knowledge.create(new ArticleDraft("Tracker lost its satellite fix", "No position on the map.",
        "Take the tracker outdoors and restart it; the first fix takes up to 5 minutes.", "TrackOne GPS", "en",
        List.of("gps"), "published"), "admin");
    flows.saveDraft("email-help", """
        {"format": "switchboard.flow/1", "id": "email-help", "name": "E-mail help", "variables": [],
         "nodes": [
          {"id": "mail", "type": "trigger", "label": "Inbound e-mail",
           "config": {"channel": "email", "address": "help@example.com", "defaultQueue": "mail"}},
          {"id": "answer", "type": "script", "label": "Answer the e-mail",
           "config": {"prompt": "Answer the customer's e-mail.", "answers": [{"label": "Done", "port": "done"}]}},
          {"id": "end", "type": "end", "label": "Done", "config": {"outcome": "answered"}}],
         "edges": [{"from": "mail", "port": "next", "to": "answer"}, {"from": "answer", "port": "done", "to": "end"}]}
        """, "designer", null);
    flows.publish("email-help", "knowledge panel test", "designer");
    users.create("mia", "long-enough-pw", null, Set.of(Role.agent));
    desk.putQueue(new Queue("mail", "E-mail", List.of("mia"), 600, 30, List.of("Answered")));

    Page page = BROWSER.signIn(port, "mia", "long-enough-pw", WIDTH, HEIGHT);
    page.navigate(url("/desk"));
    assertThat(page.locator("#knowledge")).containsText("Knowledge articles for the interaction appear here");
    choose(page, "#agent-state", "Available");
    assertThat(page.locator("#desk-empty")).containsText("You are available");
    String id = interactions.start(new StartRequest("email-help", "email", "carl@example.com", "help@example.com",
        Map.of(), Map.of("subject", "Tracker", "body", "My tracker shows no position on the map since I moved house."),
        null)).id();
    page.locator("#accept-offer").click();
    assertThat(page.locator("#script-prompt")).containsText("Answer the customer's e-mail");
    assertThat(page.locator("#knowledge-text textarea")).hasValue(
        "My tracker shows no position on the map since I moved house.");
    assertThat(page.locator("#knowledge-results")).containsText("Tracker lost its satellite fix");
    page.locator("#knowledge-text textarea").fill("tracker no position");
    page.locator("#knowledge-search").click();
    assertThat(page.locator("#knowledge-results mark").first()).isVisible();
    assertThat(page.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight"))
        .as("the workspace fits the window without page scroll").isEqualTo(true);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("desk-knowledge.png")));

    page.getByText("Tracker lost its satellite fix").click();
    assertThat(page.locator("#knowledge-article")).containsText("Take the tracker outdoors");
    assertThat(page.locator("#knowledge-send-to input")).hasValue("carl@example.com");
    assertThat(page.locator("#knowledge-article")).isInViewport();
    page.waitForTimeout(400); // the dialog's opening animation, so that the screenshot shows it
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("desk-knowledge-article.png")));
    page.locator("#knowledge-send").click();
    assertThat(page.locator("#knowledge-article-dialog")).hasCount(0);
    assertThat(MAIL.waitForIncomingEmail(15_000, 1)).as("the article is e-mailed").isTrue();
    MimeMessage sent = MAIL.getReceivedMessages()[0];
    assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("carl@example.com");
    assertThat(sent.getSubject()).contains("Tracker lost its satellite fix");
    assertThat(GreenMailUtil.getBody(sent)).contains("Take the tracker outdoors");
    assertThat(tickets.threadsOf(id)).as("the reply is in the interaction's thread").hasSize(1);
    assertThat(tickets.view(tickets.threadsOf(id).getFirst().id()).timeline().toString())
        .contains("Take the tracker outdoors");
    assertThat(knowledge.get(gps.id()).sent()).isEqualTo(1);

    page.getByText("Tracker lost its satellite fix").click();
    page.locator("#knowledge-mark-used").click();
    assertThat(page.locator("#knowledge-article-dialog")).hasCount(0);
    assertThat(knowledge.get(gps.id()).helped()).isEqualTo(1);

    page.navigate(url("/knowledge"));
    assertThat(page.locator("#kb-results")).containsText("Tracker lost its satellite fix");
    assertThat(page.locator("#kb-new")).hasCount(0);
    assertThat(page.locator("#kb-import")).hasCount(0);
    assertThat(page.locator("#kb-results")).not().containsText("Draft"); // agents see published articles only
    page.getByText("Tracker lost its satellite fix").click();
    assertThat(page.locator("#kb-save")).not().isVisible();
    assertThat(page.locator("#kb-title input")).hasAttribute("readonly", "");
  }

  private void publishHelpDeskFlow() {
    flows.saveDraft("help-desk", """
        {"format": "switchboard.flow/1", "id": "help-desk", "name": "Help page questions", "variables": [],
         "nodes": [
          {"id": "in", "type": "trigger", "label": "Question from the help page",
           "config": {"channel": "message", "address": "help-page"}},
          {"id": "end", "type": "end", "label": "Handed over", "config": {"outcome": "handed over"}}],
         "edges": [{"from": "in", "port": "next", "to": "end"}]}
        """, "designer", null);
    flows.publish("help-desk", "help page test", "designer");
  }

  private static void choose(Page page, String select, String item) {
    page.locator(select).click();
    page.locator("vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText(item)).first().click();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static int freePort() {
    try {
      return AppProcess.freePort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
