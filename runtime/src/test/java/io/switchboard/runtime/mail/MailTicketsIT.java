package io.switchboard.runtime.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.TinyFlow;
import io.switchboard.runtime.store.TestDatabases;
import io.switchboard.runtime.tickets.Ticket;
import io.switchboard.runtime.tickets.TicketRepository;
import io.switchboard.runtime.tickets.TicketRig;
import io.switchboard.runtime.tickets.TicketService;
import io.switchboard.runtime.tickets.TimelineEntry;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inbound e-mail into the real threads (the ticket service on H2 and MySQL) with a real mail server
 * (GreenMail: SMTP for our replies, IMAP for the mailbox): a customer's message opens a thread in the
 * mailbox's queue, our reply reaches them, their answer joins the thread by its headers and by the
 * number in the subject, their auto-reply and our own reply coming back join nothing, and a mailbox
 * whose address a published e-mail flow owns starts that flow, whose ticket step files the message.
 */
class MailTicketsIT {
  static final String MAIL_IN = TinyFlow.of("email", "[{\"name\": \"ticketId\", \"type\": \"string\"}]", """
      {"id": "open", "type": "ticket", "config": {"action": "create", "subject": "{{ trigger.subject }}", "queue": "triage"}},
      {"id": "done", "type": "end", "config": {"outcome": "filed"}},
      {"id": "failed", "type": "end", "config": {"outcome": "case error"}}""", """
      {"from": "t", "port": "next", "to": "open"}, {"from": "open", "port": "ok", "to": "done"},
      {"from": "open", "port": "error", "to": "failed"}""").replace("\"id\": \"tiny\"", "\"id\": \"mail-in\"");

  private GreenMail mail;
  private GreenMailUser support;
  private HikariDataSource dataSource;
  private TicketRig tickets;

  static List<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  @AfterEach
  void stop() {
    if (tickets != null) {
      tickets.close();
    }
    if (mail != null) {
      mail.stop();
    }
    if (dataSource != null) {
      TestDatabases.dispose(dataSource);
    }
  }

  private MailRig rig(TestDatabases.Kind kind, Map<String, String> flowsByAddress) {
    if (kind.name().equals("MySQL") && !TestDatabases.mysqlReachable()) {
      Assumptions.abort("no MySQL-compatible server on 127.0.0.1:3306: MySQL mail tests skipped");
    }
    mail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
    mail.start();
    support = mail.setUser("support@switchboard.test", "support", "pw");
    dataSource = kind.create().get();
    Engine engine = new Engine();
    Map<String, CompiledFlow> flows = Map.of("mail-in", engine.compile(MAIL_IN));
    tickets = new TicketRig(dataSource, engine.clock(), flows, mail.getSmtp().getPort());
    tickets.user("bob", "Bob Brown");
    tickets.queue("support", "bob");
    return new MailRig(dataSource, tickets.tickets, tickets.interactions, flowsByAddress, engine.clock(),
        MailRig.properties());
  }

  private String mailbox(MailRig rig, String flowId) {
    return rig.mailboxes.create(new MailboxService.Settings("support@switchboard.test", "127.0.0.1",
        mail.getImap().getPort(), "none", "support", "pw", null, "support", flowId, 5, true)).id();
  }

  private java.util.Optional<MimeMessage> toAnn() {
    return java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> header(m, "To").contains("ann@example.com"))
        .findFirst();
  }

  private static String header(MimeMessage message, String name) {
    try {
      return String.valueOf(message.getHeader(name, ","));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<TimelineEntry> emails(String threadId) {
    return tickets.tickets.view(threadId).timeline().stream().filter(e -> e.kind().equals("email")).toList();
  }

  private List<Ticket> threadsIn(String queue) {
    return tickets.tickets.list(new TicketRepository.Filter(queue, null, null, false, null, false, 100, 0)).threads();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aCustomersMessageOpensAThreadAndTheirAnswersJoinIt(TestDatabases.Kind kind) throws Exception {
    MailRig rig = rig(kind, Map.of());
    String id = mailbox(rig, null);
    MailRig.deliver(support, "From: Ann Smith <ann@example.com>\nTo: support@switchboard.test\nSubject: Printer jams\n"
        + "Message-ID: <c1@example.com>\nContent-Type: text/plain; charset=utf-8\n\nIt jams on page 2.\n");
    assertThat(rig.poller.pollNow(id).imported()).isEqualTo(1);
    List<Ticket> threads = threadsIn("support");
    assertThat(threads).hasSize(1);
    Ticket thread = threads.getFirst();
    assertThat(thread.subject()).isEqualTo("Printer jams");
    assertThat(emails(thread.id())).extracting(TimelineEntry::body).containsExactly("It jams on page 2.\r\n");

    // our reply goes out over SMTP to the customer
    TimelineEntry sent = tickets.tickets.reply(thread.id(), new TicketService.Reply(null, null, null, null, null,
        "Please try the other tray.", null, null), "bob");
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      tickets.advance(Duration.ofMinutes(1));
      tickets.dispatcher.handOverDue();
      return toAnn().isPresent();
    });
    MimeMessage ours = toAnn().orElseThrow();
    assertThat(header(ours, "Message-ID")).isEqualTo("<" + sent.messageId() + ">");
    String subject = ours.getSubject();
    assertThat(subject).contains("[#" + thread.number() + "]");

    // the customer answers it; then a reply with the headers stripped; their auto-reply; our own reply looped back
    MailRig.deliver(support, "From: ann@example.com\nTo: support@switchboard.test\nSubject: Re: " + subject
        + "\nMessage-ID: <c2@example.com>\nIn-Reply-To: <" + sent.messageId() + ">\nReferences: <c1@example.com> <"
        + sent.messageId() + ">\n\nStill jams.\n");
    MailRig.deliver(support, "From: boss@example.com\nTo: support@switchboard.test\nSubject: Fwd: " + subject
        + "\nMessage-ID: <c3@example.com>\n\nPlease hurry.\n");
    MailRig.deliver(support, "From: ann@example.com\nTo: support@switchboard.test\nSubject: Automatic reply: " + subject
        + "\nMessage-ID: <c4@example.com>\nAuto-Submitted: auto-replied\nIn-Reply-To: <" + sent.messageId()
        + ">\n\nI am away.\n");
    ByteArrayOutputStream looped = new ByteArrayOutputStream();
    ours.writeTo(looped);
    MailRig.deliver(support, looped.toString(java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n"));

    MailPoller.PollResult second = rig.poller.pollNow(id);
    assertThat(second).isEqualTo(new MailPoller.PollResult(true, 0, 2, 2, 0, null));
    assertThat(threadsIn("support")).hasSize(1);
    assertThat(emails(thread.id())).extracting(TimelineEntry::messageId)
        .containsExactlyInAnyOrder("c1@example.com", sent.messageId(), "c2@example.com", "c3@example.com");
    assertThat(rig.mailboxes.log(id, 10)).extracting(MailImport::result)
        .containsExactly("skipped", "skipped", "joined", "joined", "imported");
    assertThat(rig.mailboxes.log(id, 10).get(0).reason()).contains("our own message");
    assertThat(rig.mailboxes.log(id, 10).get(1).reason()).contains("Auto-Submitted");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aMailboxWhoseAddressAFlowOwnsStartsTheFlowWhichFilesTheMessage(TestDatabases.Kind kind) {
    MailRig rig = rig(kind, Map.of("support@switchboard.test", "mail-in"));
    String id = mailbox(rig, null);
    MailRig.deliver(support, "From: Ann Smith <ann@example.com>\nTo: support@switchboard.test\nSubject: Invoice wrong\n"
        + "Message-ID: <f1@example.com>\n\nThe amount is wrong.\n");
    assertThat(rig.poller.pollNow(id).imported()).isEqualTo(1);
    MailImport imported = rig.mailboxes.log(id, 1).getFirst();
    assertThat(imported.interactionId()).isNotNull();
    List<Ticket> triage = threadsIn("triage");
    assertThat(triage).hasSize(1);
    assertThat(triage.getFirst().subject()).isEqualTo("Invoice wrong");
    assertThat(emails(triage.getFirst().id())).extracting(TimelineEntry::messageId).containsExactly("f1@example.com");
    assertThat(threadsIn("support")).isEmpty();
  }
}
