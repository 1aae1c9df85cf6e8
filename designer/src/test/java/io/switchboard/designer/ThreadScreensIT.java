package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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
import io.switchboard.runtime.tickets.InboundEmail;
import io.switchboard.runtime.tickets.ThreadMail;
import io.switchboard.runtime.tickets.TicketRounds;
import io.switchboard.runtime.tickets.TicketService;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The e-mail case in the browser (PRODUCT.md, scenario 3): an admin sets up a status, a template and
 * a snippet on the ticketing screen; an e-mail's thread appears in the list; an agent opens it, starts
 * from the template, types "::sig" and takes the snippet, sends; the customer's mailbox (GreenMail)
 * receives it with the thread's number; the customer's answer appears in the timeline; a thread past
 * its first-response limit shows as breached at the top of the list. One app for all of it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:threadscreens;DB_CLOSE_DELAY=-1", "switchboard.admin.password=ticket-admin-pw",
    "switchboard.outbox-interval=200ms", "switchboard.tickets.round-interval=1h"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreadScreensIT {
  private static final int WIDTH = 1366;
  private static final int HEIGHT = 768;
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final AtomicLong OFFSET = new AtomicLong();

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  static final GreenMail MAIL = new GreenMail(new ServerSetup[] {new ServerSetup(freePort(), "127.0.0.1", "smtp"),
      new ServerSetup(freePort(), "127.0.0.1", "imap")});

  static {
    MAIL.start();
    MAIL.setUser("support@switchboard.test", "support", "imap-secret");
  }

  /** The system clock, moved on by hand when a limit must pass. */
  @TestConfiguration
  static class MovableClock {
    @Bean
    @Primary
    Clock movableClock() {
      return new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return Instant.ofEpochMilli(millis());
        }

        @Override
        public long millis() {
          return System.currentTimeMillis() + OFFSET.get();
        }
      };
    }
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
  }

  @Value("${local.server.port}")
  int port;

  @Autowired
  UserAccounts users;

  @Autowired
  DeskService desk;

  @Autowired
  TicketService tickets;

  @Autowired
  TicketRounds rounds;

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
  void anAdminAddsAStatusATemplateAndASnippetAndSeesRefusalsNextToTheField() {
    Page page = BROWSER.signIn(port, "admin", "ticket-admin-pw", WIDTH, HEIGHT);
    page.navigate(url("/admin/ticketing"));
    assertThat(page.locator("#statuses")).containsText("Waiting for customer");

    page.locator("#status-add").click();
    page.locator("#status-id input").fill("Bad Id");
    page.locator("#status-label input").fill("Escalated");
    page.locator("#status-save").click();
    assertThat(page.locator("#status-id")).hasAttribute("invalid", "");
    assertThat(page.locator("#status-id")).containsText("a status id is 1 to 32 lower-case letters");
    page.locator("#status-id input").fill("escalated");
    page.locator("#status-limit-high-amount input").fill("4");
    page.locator("#status-limit-urgent-amount input").fill("90");
    page.locator("#status-limit-urgent-unit").click();
    page.locator("vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText("minutes")).click();
    page.locator("#status-save").click();
    assertThat(page.locator("#statuses")).containsText("Escalated");
    assertThat(page.locator("#statuses")).containsText("4 h");
    assertThat(page.locator("#statuses")).containsText("1 h 30 min");
    assertThat(tickets.statuses()).anySatisfy(s -> {
      assertThat(s.id()).isEqualTo("escalated");
      assertThat(s.limitMinutes()).containsEntry("high", 240).containsEntry("urgent", 90);
    });
    shot(page, "ticketing-statuses.png");

    page.locator("#tab-targets").click();
    assertThat(page.locator("#target-first-urgent-amount input")).hasValue("30");
    shot(page, "ticketing-sla-targets.png");
    page.locator("#tab-hours").click();
    assertThat(page.locator("#hours-holidays")).containsText("No holidays");
    shot(page, "ticketing-business-hours.png");

    page.locator("#tab-templates").click();
    assertThat(page.locator("#templates-empty")).containsText("No templates yet");
    page.locator("#template-add").click();
    page.locator("#template-id input").fill("thanks");
    page.locator("#template-name input").fill("Thanks for writing");
    page.locator("#template-body textarea").fill("Hello {{ customer.name }},\n\nthanks for writing, {{ nope }}.\n");
    page.locator("#template-save").click();
    assertThat(page.locator("#template-body")).hasAttribute("invalid", "");
    assertThat(page.locator("#template-body")).containsText("nope");
    page.locator("#template-body textarea").fill("Hello {{ customer.name }},\n\nthanks for writing to us about "
        + "“{{ thread.subject }}”.\n");
    assertThat(page.locator("#template-preview")).containsText("Hello Ann Example");
    shot(page, "ticketing-template-dialog.png");
    page.locator("#template-save").click();
    assertThat(page.locator("#templates")).containsText("Thanks for writing");

    page.locator("#tab-snippets").click();
    assertThat(page.locator("#snippets-empty")).containsText("No snippets yet");
    page.locator("#snippet-add").click();
    page.locator("#snippet-id input").fill("sig");
    page.locator("#snippet-name input").fill("Signature");
    page.locator("#snippet-body textarea").fill("Best regards,\n{{ agent.name }}, Customer care");
    page.locator("#snippet-save").click();
    assertThat(page.locator("#snippets")).containsText("::sig");
    shot(page, "ticketing-snippets.png");

    page.locator("#tab-mailboxes").click();
    assertThat(page.locator("#mailboxes-empty")).containsText("No mailboxes yet");
    shot(page, "ticketing-mailboxes.png");
  }

  @Test
  @Order(2)
  void anAgentAnswersAnEmailWithATemplateAndASnippetAndTheCustomersAnswerJoinsTheThread() throws Exception {
    users.create("bea", "long-enough-pw", "Bea Agent", Set.of(Role.agent));
    desk.putQueue(new Queue("support", "Customer support", List.of("bea"), 600, 30, List.of()));
    ThreadMail.ThreadRef ref = tickets.open(new InboundEmail("support@switchboard.test", "<q1@example.com>", null,
        List.of(), "ann@example.com", "Ann Example", List.of("support@switchboard.test"), List.of(),
        "My order has not arrived", "Hello, I ordered a lamp two weeks ago and it has not arrived yet.", null,
        Instant.now(), List.of(new InboundEmail.Attachment("order.txt", "text/plain", 12, "order #55512".getBytes(),
            null)), null), "support");

    Page page = BROWSER.signIn(port, "bea", "long-enough-pw", WIDTH, HEIGHT);
    page.navigate(url("/threads"));
    Locator row = page.locator("#threads vaadin-grid-cell-content").filter(new Locator.FilterOptions()
        .setHasText("My order has not arrived"));
    assertThat(row).hasCount(1);
    assertThat(page.locator("#threads")).containsText("#" + ref.number());
    assertThat(page.locator("#threads")).containsText("Due in");
    row.click();

    assertThat(page.locator("#thread-title")).hasText("#" + ref.number() + " My order has not arrived");
    assertThat(page.locator("#thread-customer")).containsText("ann@example.com");
    assertThat(page.locator("#timeline")).containsText("it has not arrived yet");
    assertThat(page.locator("#timeline a.sb-file")).containsText("order.txt");
    assertThat(page.locator("#reply-to input")).hasValue("ann@example.com");

    page.locator("#thread-take").click();
    assertThat(page.locator("#timeline")).containsText("bea assigned it to bea");

    page.locator("#reply-template").click();
    page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText("Thanks for writing"))
        .click();
    Locator body = page.locator("#reply-body textarea");
    assertThat(body).hasValue(java.util.regex.Pattern.compile("Hello Ann Example,[\\s\\S]*My order has not arrived"));
    body.click();
    page.keyboard().press("Control+End");
    page.keyboard().type("\n::si");
    Locator offered = page.locator(".sb-snippet-item[data-id='sig']");
    assertThat(offered).isVisible();
    assertThat(offered).containsText("Signature");
    page.keyboard().type("g");
    page.keyboard().press("Enter");
    assertThat(offered).isHidden();
    assertThat(body).hasValue(java.util.regex.Pattern.compile("about “My order has not arrived”\\.\\n+Best regards,\\n"
        + "\\{\\{ agent\\.name }}, Customer care$"));
    page.keyboard().type("\nP.S. ");
    assertThat(page.locator("body")).not().hasCSS("overflow-y", "scroll");
    assertThat(page.evaluate("document.scrollingElement.scrollHeight <= window.innerHeight")).isEqualTo(true);
    shot(page, "thread-view-composer.png");

    page.locator("#reply-send-and").click();
    page.locator("vaadin-menu-bar-item:visible").filter(new Locator.FilterOptions().setHasText("Waiting for customer"))
        .click();
    assertThat(page.locator("#timeline")).containsText("bea replied");
    assertThat(page.locator("#thread-status")).containsText("Waiting for customer");

    assertThat(MAIL.waitForIncomingEmail(20_000, 1)).isTrue();
    MimeMessage sent = MAIL.getReceivedMessagesForDomain("example.com")[0];
    assertThat(sent.getSubject()).contains("[#" + ref.number() + "]");
    String text = GreenMailUtil.getBody(sent);
    assertThat(text).contains("Hello Ann Example").contains("Best regards").contains("P.S.")
        .doesNotContain("::sig").doesNotContain("{{");
    assertThat(page.locator("#timeline .sb-delivery")).containsText("Sent");

    tickets.append(ref.id(), new InboundEmail("support@switchboard.test", "<a1@example.com>",
        sent.getMessageID(), List.of(sent.getMessageID()), "ann@example.com", "Ann Example",
        List.of("support@switchboard.test"), List.of(), "Re: " + sent.getSubject(), "Thanks, the lamp arrived today.",
        null, Instant.now(), List.of(), null));
    assertThat(page.locator("#timeline")).containsText("the lamp arrived today");
    assertThat(page.evaluate("document.scrollingElement.scrollHeight <= window.innerHeight")).isEqualTo(true);
    shot(page, "thread-view.png");
  }

  @Test
  @Order(3)
  void aThreadPastItsFirstResponseLimitIsBreachedAtTheTopOfTheList() {
    var urgent = tickets.open(new TicketService.NewThread("The phone line is down", "Carl Urgent", "carl@example.com",
        null, "support", "urgent", null, "Called twice already"), "bea");
    OFFSET.addAndGet(31 * 60_000L);
    rounds.round();
    assertThat(tickets.thread(urgent.id()).sla().breached()).isTrue();

    Page page = BROWSER.signIn(port, "bea", "long-enough-pw", WIDTH, HEIGHT);
    page.navigate(url("/threads"));
    Locator first = page.locator("#threads vaadin-grid-cell-content .sb-sla").first();
    assertThat(first).containsText("Breached · first response");
    assertThat(page.locator("#threads")).containsText("The phone line is down");
    shot(page, "threads-list.png");

    page.locator("#filter-overdue").click();
    assertThat(page.locator("#thread-count")).hasText("1 thread");
    page.locator("#filter-text input").fill("no such thing");
    assertThat(page.locator("#threads-empty")).containsText("No threads match these filters");
    shot(page, "threads-empty.png");

    page.locator("#thread-new").click();
    page.locator("#new-open").click();
    assertThat(page.locator("#new-subject")).hasAttribute("invalid", "");
    assertThat(page.locator("#new-subject")).containsText("the subject is empty");
    page.locator("#new-subject input").fill("Wants a paper invoice");
    page.locator("#new-email input").fill("not an address");
    page.locator("#new-open").click();
    assertThat(page.locator("#new-email")).hasAttribute("invalid", "");
    page.locator("#new-email input").fill("erin@example.com");
    page.locator("#new-name input").fill("Erin Paper");
    page.locator("#new-note textarea").fill("Asked on the phone");
    page.locator("#new-open").click();
    assertThat(page.locator("#thread-title")).containsText("Wants a paper invoice");
    assertThat(page.locator("#thread-customer")).containsText("Erin Paper");
    assertThat(page.locator("#timeline")).containsText("Asked on the phone");
  }

  @Test
  @Order(4)
  void anAdminConnectsAMailboxAndItsMailBecomesAThread() {
    Page page = BROWSER.signIn(port, "admin", "ticket-admin-pw", WIDTH, HEIGHT);
    page.navigate(url("/admin/ticketing"));
    page.locator("#tab-mailboxes").click();
    page.locator("#mailbox-add").click();
    page.locator("#mailbox-address input").fill("support@switchboard.test");
    page.locator("#mailbox-save").click();
    assertThat(page.locator("#mailbox-host")).hasAttribute("invalid", "");
    assertThat(page.locator("#mailbox-host")).containsText("host");
    page.locator("#mailbox-host input").fill("127.0.0.1");
    page.locator("#mailbox-security").click();
    page.locator("vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText("None")).click();
    page.locator("#mailbox-port input").fill(String.valueOf(MAIL.getImap().getPort()));
    page.locator("#mailbox-username input").fill("support");
    page.locator("#mailbox-password input").fill("wrong-secret");
    page.locator("#mailbox-queue").click();
    page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText("Customer support"))
        .click();
    page.locator("#mailbox-poll input").fill("5");
    page.locator("#mailbox-test").click();
    assertThat(page.locator("#mailbox-test-result")).containsText("Could not connect");
    page.locator("#mailbox-password input").fill("imap-secret");
    page.locator("#mailbox-test").click();
    assertThat(page.locator("#mailbox-test-result")).containsText("Connected");
    shot(page, "ticketing-mailbox-dialog.png");
    page.locator("#mailbox-save").click();
    assertThat(page.locator("#mailboxes")).containsText("support@switchboard.test");
    assertThat(page.locator("#mailboxes")).containsText("Every 5 s");

    GreenMailUtil.sendTextEmail("support@switchboard.test", "dan@example.com", "Question about my invoice",
        "Why was I charged twice?", MAIL.getSmtp().getServerSetup());
    page.navigate(url("/threads"));
    assertThat(page.locator("#threads")).containsText("Question about my invoice",
        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(40_000));
    page.navigate(url("/admin/ticketing"));
    page.locator("#tab-mailboxes").click();
    shot(page, "ticketing-mailboxes-list.png");
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static void shot(Page page, String name) {
    page.waitForTimeout(300);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)));
  }

  private static int freePort() {
    try {
      return AppProcess.freePort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
