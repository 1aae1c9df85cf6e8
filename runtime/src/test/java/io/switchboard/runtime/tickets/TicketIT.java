package io.switchboard.runtime.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.TinyFlow;
import io.switchboard.runtime.routing.Absence;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.store.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Threads on H2 and on MySQL (MariaDB here), with a hand-moved clock and a real SMTP server (GreenMail):
 * flows file their ticket steps into threads with call cards; replies reach the customer with the
 * thread's number and threading headers, and a failed send is retried and shown; customers' replies
 * join their thread by headers or by number; SLA clocks flag breaches once across two instances,
 * pause, and raise priority near a limit; threads are assigned round robin and move off people away.
 */
class TicketIT {
  /** The e-mail case flow's beginning: open a thread in the support queue, then wait for the customer's reply. */
  static final String MAIL_CASE = TinyFlow.of("email", """
      [{"name": "ticketId", "type": "string"}, {"name": "reply", "type": "object"},
       {"name": "product", "type": "string", "label": "Product", "agentVisible": true, "default": "router"}]""", """
      {"id": "open", "type": "ticket", "label": "Open the case", "config": {"action": "create", "subject": "{{ trigger.subject }}",
        "queue": "support", "priority": "high"}},
      {"id": "await", "type": "wait", "label": "Await the reply", "config": {"event": "customer-reply", "seconds": 172800, "variable": "reply"}},
      {"id": "done", "type": "end", "config": {"outcome": "replied"}},
      {"id": "late", "type": "end", "config": {"outcome": "no reply"}},
      {"id": "failed", "type": "end", "config": {"outcome": "case error"}}""", """
      {"from": "t", "port": "next", "to": "open"}, {"from": "open", "port": "ok", "to": "await"},
      {"from": "open", "port": "error", "to": "failed"}, {"from": "await", "port": "next", "to": "done"},
      {"from": "await", "port": "timeout", "to": "late"}""").replace("\"id\": \"tiny\"", "\"id\": \"mail-case\"");

  /** An e-mail flow that opens the case and answers at once, then waits for the customer. */
  static final String MAIL_ANSWER = TinyFlow.of("email", "[{\"name\": \"ticketId\", \"type\": \"string\"}]", """
      {"id": "open", "type": "ticket", "config": {"action": "create", "subject": "{{ trigger.subject }}", "queue": "support"}},
      {"id": "ack", "type": "reply", "config": {"text": "We have your message and answer within a day."}},
      {"id": "await", "type": "wait", "config": {"event": "customer-reply", "seconds": 172800}},
      {"id": "done", "type": "end", "config": {"outcome": "replied"}}""", """
      {"from": "t", "port": "next", "to": "open"}, {"from": "open", "port": "ok", "to": "ack"},
      {"from": "open", "port": "error", "to": "done"}, {"from": "ack", "port": "next", "to": "await"},
      {"from": "ack", "port": "error", "to": "done"}, {"from": "await", "port": "next", "to": "done"},
      {"from": "await", "port": "timeout", "to": "done"}""").replace("\"id\": \"tiny\"", "\"id\": \"mail-answer\"");

  /** A chat that opens a thread and then waits in the support queue for an agent. */
  static final String QUEUED_CHAT = TinyFlow.of("message", "[]", """
      {"id": "open", "type": "ticket", "config": {"action": "create", "subject": "Chat about {{ trigger.from }}", "queue": "support"}},
      {"id": "s", "type": "script", "config": {"prompt": "Hello", "queue": "support", "answers": [{"port": "done", "label": "Done"}]}},
      {"id": "e", "type": "end", "config": {"outcome": "helped"}}""", """
      {"from": "t", "port": "next", "to": "open"}, {"from": "open", "port": "ok", "to": "s"},
      {"from": "open", "port": "error", "to": "e"}, {"from": "s", "port": "done", "to": "e"}""")
      .replace("\"id\": \"tiny\"", "\"id\": \"queued-chat\"");

  /** What the supervisors set up for breaches in the support queue: an alert naming the thread. */
  static final String SLA_WATCH = TinyFlow.of("sla", "[]", """
      {"id": "x", "type": "escalate", "config": {"alert": {"message": "Thread #{{ trigger.threadNumber }} breached: {{ trigger.breach }}", "severity": "critical"}}},
      {"id": "e", "type": "end", "config": {"outcome": "alerted"}}""", """
      {"from": "t", "port": "next", "to": "x"}, {"from": "x", "port": "next", "to": "e"}""")
      .replace("\"id\": \"tiny\"", "\"id\": \"sla-watch\"").replace("\"channel\": \"sla\"", "\"channel\": \"sla\", \"address\": \"support\"");

  private final List<HikariDataSource> dataSources = new ArrayList<>();
  private final List<TicketRig> rigs = new ArrayList<>();
  private GreenMail mail;

  static List<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private HikariDataSource database(TestDatabases.Kind kind) {
    if (kind.name().equals("MySQL") && !TestDatabases.mysqlReachable()) {
      Assumptions.abort("no MySQL-compatible server on 127.0.0.1:3306: MySQL ticket tests skipped");
    }
    HikariDataSource ds = kind.create().get();
    dataSources.add(ds);
    return ds;
  }

  private TicketRig rig(HikariDataSource ds, Engine engine, int smtpPort) {
    Map<String, CompiledFlow> flows = Map.of("mail-case", engine.compile(MAIL_CASE), "queued-chat",
        engine.compile(QUEUED_CHAT), "mail-answer", engine.compile(MAIL_ANSWER), "sla-watch", engine.compile(SLA_WATCH));
    TicketRig rig = new TicketRig(ds, engine.clock(), flows, smtpPort);
    rigs.add(rig);
    return rig;
  }

  private TicketRig rig(TestDatabases.Kind kind) {
    mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    return rig(database(kind), new Engine(), mail.getSmtp().getPort());
  }

  @AfterEach
  void dispose() {
    rigs.forEach(TicketRig::close);
    if (mail != null) {
      mail.stop();
    }
    dataSources.forEach(TestDatabases::dispose);
  }

  static InboundEmail inbound(String messageId, String inReplyTo, String subject, String text) {
    return new InboundEmail("support@switchboard.test", messageId, inReplyTo, inReplyTo == null ? List.of() : List.of(inReplyTo),
        "ann@example.com", "Ann Smith", List.of("support@switchboard.test"), List.of(), subject, text, null,
        Instant.parse("2027-01-15T08:00:00Z"), List.of(new InboundEmail.Attachment("router.jpg", "image/jpeg", 3,
            new byte[] {1, 2, 3}, null)), null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFlowsTicketStepOpensANumberedThreadWithTheCustomerAndTheInteractionsCard(TestDatabases.Kind kind) {
    TicketRig rig = rig(kind);
    rig.queue("support", "ann");
    String interaction = rig.start("mail-case", "Ann.Smith@Example.com", Map.of("subject", "Router blinks red"));

    List<Ticket> threads = rig.tickets.threadsOf(interaction);
    assertThat(threads).hasSize(1);
    Ticket thread = threads.getFirst();
    assertThat(thread.number()).isGreaterThanOrEqualTo(1001);
    assertThat(thread.subject()).isEqualTo("Router blinks red");
    assertThat(thread.queue()).isEqualTo("support");
    assertThat(thread.priority()).isEqualTo("high");
    assertThat(thread.status()).isEqualTo("new");
    assertThat(thread.channel()).isEqualTo("email");
    assertThat(thread.customer().emails()).containsExactly("ann.smith@example.com");
    assertThat(thread.sla().firstResponseDue()).isEqualTo(thread.createdAt() + 60 * 60_000L);
    assertThat(thread.sla().statusDue()).isEqualTo(thread.createdAt() + 60 * 60_000L);

    TicketService.ThreadView view = rig.tickets.view("#" + thread.number());
    TimelineEntry card = view.timeline().stream().filter(e -> e.kind().equals("interaction")).findFirst().orElseThrow();
    assertThat(card.by()).isEqualTo(TicketHook.FLOW);
    assertThat(card.card().channel()).isEqualTo("email");
    assertThat(card.card().caller()).isEqualTo("Ann.Smith@Example.com");
    assertThat(card.card().variables()).containsEntry("Product", "router");
    assertThat(card.card().path()).extracting(TimelineEntry.Card.Step::label).startsWith("t", "Open the case");

    // the same customer writing again is the same customer
    String second = rig.start("mail-case", "ann.smith@example.com", Map.of("subject", "And the Wi-Fi"));
    assertThat(rig.tickets.threadsOf(second).getFirst().customer().id()).isEqualTo(thread.customer().id());
    assertThat(rig.tickets.threadsOf(second).getFirst().number()).isEqualTo(thread.number() + 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aReplyReachesTheCustomerWithTheNumberAndHeadersAndTheirAnswerJoinsTheThreadByHeaderOrNumber(TestDatabases.Kind kind)
      throws Exception {
    TicketRig rig = rig(kind);
    rig.user("bob", "Bob Brown");
    rig.queue("support", "bob");
    ThreadMail.ThreadRef ref = rig.tickets.open(inbound("m1@customer.test", null, "Printer jams", "It jams on page 2."), "support");
    rig.tickets.putTemplate(new ReplyTemplate("apology", "Apology", "About {{ thread.subject }}",
        "Dear {{ customer.name }},\n\nsorry about {{ thread.number }}.", 0, null), "admin");
    rig.tickets.putSnippet(new Snippet("sig", "Signature", "Kind regards,\n{{ agent.name }}", 0, null), "admin");

    TimelineEntry sent = rig.tickets.reply(ref.id(), new TicketService.Reply(null, List.of("boss@customer.test"), "apology",
        List.of("sig"), null, null, List.of(new TicketService.NewAttachment("steps.txt", "text/plain",
            Base64.getEncoder().encodeToString("1. Open the tray".getBytes()))), "waiting"), "bob");
    assertThat(sent.delivery()).isNotNull();
    assertThat(sent.body()).isEqualTo("Dear Ann Smith,\n\nsorry about #" + ref.number() + ".\n\nKind regards,\nBob Brown");
    await().atMost(Duration.ofSeconds(10)).until(() -> { // a first attempt may find the server still starting
      rig.advance(Duration.ofMinutes(1));
      rig.dispatcher.handOverDue();
      return mail.waitForIncomingEmail(500, 2);
    });
    MimeMessage received = mail.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("About Printer jams [#" + ref.number() + "]");
    assertThat(received.getHeader("In-Reply-To")[0]).isEqualTo("<m1@customer.test>");
    assertThat(received.getHeader("References")[0]).isEqualTo("<m1@customer.test>");
    assertThat(received.getMessageID()).isEqualTo("<" + sent.messageId() + ">");
    assertThat(received.getAllRecipients()).extracting(Object::toString)
        .containsExactlyInAnyOrder("ann@example.com", "boss@customer.test");
    assertThat(new String(received.getInputStream().readAllBytes())).isNotEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(entry(rig, ref.id(), sent.id()).delivery().status()));

    Ticket waiting = rig.tickets.thread(ref.id());
    assertThat(waiting.status()).isEqualTo("waiting");
    assertThat(waiting.sla().firstResponseAt()).isNotNull();
    assertThat(waiting.sla().pausedAt()).isNotNull();

    // the customer answers our message: In-Reply-To finds the thread, which reopens
    assertThat(rig.tickets.threadFor(List.of(sent.messageId()), "Re: something else")).contains(ref);
    rig.tickets.append(ref.id(), inbound("m2@customer.test", sent.messageId(), "Re: About Printer jams", "Still jams."));
    assertThat(rig.tickets.thread(ref.id()).status()).isEqualTo("open");
    // a reply with its headers stripped still finds it by the number in the subject
    assertThat(rig.tickets.threadFor(List.of("unknown@nowhere"), "Fwd: RE: About Printer jams [#" + ref.number() + "]"))
        .contains(ref);
    assertThat(rig.tickets.threadFor(List.of(), "Printer jams again")).isEmpty();

    List<TimelineEntry> timeline = rig.tickets.view(ref.id()).timeline();
    assertThat(timeline).extracting(TimelineEntry::kind).containsSubsequence("email", "email", "change", "email");
    assertThat(timeline.getFirst().attachments()).extracting(TimelineEntry.AttachmentInfo::name).containsExactly("router.jpg");
    assertThat(timeline.get(1).by()).isEqualTo("bob");
    assertThat(timeline.get(1).attachments()).extracting(TimelineEntry.AttachmentInfo::name).containsExactly("steps.txt");
    String attachmentId = timeline.get(1).attachments().getFirst().id();
    assertThat(new String(rig.tickets.attachment(ref.id(), attachmentId).content())).isEqualTo("1. Open the tray");
  }

  private static TimelineEntry entry(TicketRig rig, String threadId, String entryId) {
    return rig.tickets.view(threadId).timeline().stream().filter(e -> e.id().equals(entryId)).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aReplyTheMailServerRefusesIsRetriedAndShownAsFailedNeverLost(TestDatabases.Kind kind) throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    TicketRig rig = rig(database(kind), new Engine(), closedPort);
    rig.queue("support", "bob");
    ThreadMail.ThreadRef ref = rig.tickets.open(inbound("m1@customer.test", null, "Printer jams", "It jams."), "support");
    TimelineEntry sent = rig.tickets.reply(ref.id(), new TicketService.Reply(null, null, null, null, null, "We are on it.",
        null, null), "bob");
    await().atMost(Duration.ofSeconds(20)).until(() -> { // each round is one attempt, until the third fails for good
      rig.advance(Duration.ofMinutes(10));
      rig.dispatcher.handOverDue();
      Thread.sleep(50);
      return "failed".equals(entry(rig, ref.id(), sent.id()).delivery().status());
    });
    TimelineEntry failed = entry(rig, ref.id(), sent.id());
    assertThat(failed.delivery().status()).isEqualTo("failed");
    assertThat(failed.delivery().attempts()).isEqualTo(3);
    assertThat(failed.delivery().lastError()).contains("SMTP delivery failed");
    assertThat(failed.body()).isEqualTo("We are on it.");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aBreachIsFlaggedOnceAcrossTwoInstancesAndAPausingStatusStopsTheClock(TestDatabases.Kind kind) {
    HikariDataSource ds = database(kind);
    Engine engine = new Engine();
    TicketRig one = rig(ds, engine, 1);
    TicketRig two = rig(ds, engine, 1);
    one.queue("support");
    ThreadMail.ThreadRef late = one.tickets.open(inbound("a@customer.test", null, "No answer yet", "Hello?"), "support");
    ThreadMail.ThreadRef paused = one.tickets.open(inbound("b@customer.test", null, "Waiting on them", "Hi"), "support");
    one.tickets.patch(paused.id(), new TicketService.Patch("waiting", null, null, null, null), "bob");

    one.advance(Duration.ofMinutes(200)); // 80 % of the normal priority's 240 min first response: nearing
    assertThat(one.rounds.round().nearing()).isEqualTo(1);
    Ticket nearing = one.tickets.thread(late.id());
    assertThat(nearing.sla().state()).isEqualTo("nearing");
    assertThat(nearing.priority()).isEqualTo("high");
    assertThat(nearing.sla().raisedFrom()).isEqualTo("normal");

    one.advance(Duration.ofMinutes(41));
    TicketRounds.Round first = one.rounds.round();
    TicketRounds.Round second = two.rounds.round();
    assertThat(first.breached() + second.breached()).isEqualTo(1);
    Ticket breached = one.tickets.thread(late.id());
    assertThat(breached.sla().breached()).isTrue();
    assertThat(breached.sla().breach()).startsWith("first response was due");
    assertThat(one.tickets.list(new TicketRepository.Filter(null, null, null, true, null, false, 50, 0)).threads())
        .extracting(Ticket::id).containsExactly(late.id());
    assertThat(one.dsl.fetchCount(io.switchboard.runtime.store.jooq.Tables.ALERT,
        io.switchboard.runtime.store.jooq.Tables.ALERT.THREAD_ID.eq(late.id()))).isEqualTo(1);

    Ticket stillFine = one.tickets.thread(paused.id());
    assertThat(stillFine.sla().state()).isEqualTo("ok");
    // back to open after 241 minutes paused: the 240 minutes the target gave are all still there
    Ticket reopened = one.tickets.patch(paused.id(), new TicketService.Patch("open", null, null, null, null), "bob");
    assertThat(reopened.sla().firstResponseDue()).isEqualTo(one.clock.millis() + 240 * 60_000L);
    assertThat(reopened.sla().state()).isEqualTo("ok");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void threadsGoRoundRobinToThosePresentAndMoveOffSomeoneAbsent(TestDatabases.Kind kind) {
    TicketRig rig = rig(kind);
    rig.queue("support", "ann", "bob", "cid");
    rig.desk.chooseState("cid", io.switchboard.runtime.desk.AgentState.away, rig.clock.millis());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(rig.tickets.open(inbound("m" + i + "@customer.test", null, "Case " + i, "Hi"), "support").id());
      rig.advance(Duration.ofSeconds(1));
    }
    assertThat(rig.rounds.round().assigned()).isEqualTo(4);
    assertThat(ids.stream().map(id -> rig.tickets.thread(id).assignee()).toList())
        .containsExactlyInAnyOrder("ann", "bob", "ann", "bob");

    rig.routing.addAbsence(new Absence("abs-1", "ann", rig.clock.millis() - 1000, rig.clock.millis() + 86_400_000L,
        "holiday"), "admin", rig.clock.millis());
    assertThat(rig.rounds.round().moved()).isEqualTo(2);
    assertThat(ids.stream().map(id -> rig.tickets.thread(id).assignee()).toList()).containsOnly("bob");
    TimelineEntry move = rig.tickets.view(ids.getFirst()).timeline().getLast();
    assertThat(move.detail()).containsEntry("field", "assignee").containsEntry("to", "bob");
    assertThat(move.body()).startsWith("ann is absent until");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void badInputIsRefusedWithWhatIsWrongAndNothingIsWritten(TestDatabases.Kind kind) {
    TicketRig rig = rig(kind);
    rig.queue("support", "bob");
    ThreadMail.ThreadRef ref = rig.tickets.open(inbound("m1@customer.test", null, "Printer", "Hi"), "support");
    assertThatThrownBy(() -> rig.tickets.patch(ref.id(), new TicketService.Patch("gone", null, null, null, null), "bob"))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("no status 'gone'").hasMessageContaining("waiting");
    assertThatThrownBy(() -> rig.tickets.patch(ref.id(), new TicketService.Patch(null, null, "asap", null, null), "bob"))
        .hasMessageContaining("low, normal, high or urgent");
    assertThatThrownBy(() -> rig.tickets.putTemplate(new ReplyTemplate("t", "T", null, "Hi {{ customer.nmae }}", 0, null), "a"))
        .hasMessageContaining("{{ customer.nmae }}");
    assertThatThrownBy(() -> rig.tickets.reply(ref.id(), new TicketService.Reply(List.of("not an address"), null, null, null,
        null, "Hi", null, null), "bob")).hasMessageContaining("'not an address' is not an e-mail address");
    assertThatThrownBy(() -> rig.tickets.reply(ref.id(), new TicketService.Reply(null, null, null, List.of("nope"), null,
        "Hi", null, null), "bob")).hasMessageContaining("no snippet 'nope'");
    assertThat(rig.tickets.view(ref.id()).timeline()).extracting(TimelineEntry::kind).containsExactly("email");
    assertThat(rig.dsl.fetchCount(io.switchboard.runtime.store.jooq.Tables.OUTBOX)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theCustomersReplyWakesTheFlowWaitingForIt(TestDatabases.Kind kind) {
    TicketRig rig = rig(kind);
    rig.queue("support", "bob");
    String interaction = rig.start("mail-case", "ann@example.com", Map.of("subject", "Router"));
    Ticket thread = rig.tickets.threadsOf(interaction).getFirst();
    rig.tickets.append(thread.id(), inbound("m9@customer.test", null, "Re: Router [#" + thread.number() + "]", "Thanks!"));
    Interaction done = rig.interactions.get(interaction);
    assertThat(done.status()).isEqualTo(InteractionStatus.completed);
    assertThat(done.outcome()).isEqualTo("replied");
    assertThat(done.variables().get("reply")).asString().contains("Thanks!");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void nearingALimitMovesTheThreadsWaitingInteractionUpTheQueueAndABreachRunsTheSlaFlow(TestDatabases.Kind kind) {
    TicketRig rig = rig(kind);
    rig.queue("support");
    String chat = rig.start("queued-chat", "+48600100200", Map.of());
    Ticket thread = rig.tickets.threadsOf(chat).getFirst();
    assertThat(thread.customer().phones()).containsExactly("+48600100200");
    int before = rig.dsl.select(io.switchboard.runtime.store.jooq.Tables.QUEUE_ENTRY.PRIORITY)
        .from(io.switchboard.runtime.store.jooq.Tables.QUEUE_ENTRY)
        .where(io.switchboard.runtime.store.jooq.Tables.QUEUE_ENTRY.INTERACTION_ID.eq(chat)).fetchOne().value1();

    rig.advance(Duration.ofMinutes(200));
    rig.rounds.round();
    int after = rig.dsl.select(io.switchboard.runtime.store.jooq.Tables.QUEUE_ENTRY.PRIORITY)
        .from(io.switchboard.runtime.store.jooq.Tables.QUEUE_ENTRY)
        .where(io.switchboard.runtime.store.jooq.Tables.QUEUE_ENTRY.INTERACTION_ID.eq(chat)).fetchOne().value1();
    assertThat(after).isEqualTo(before + 1);

    rig.advance(Duration.ofMinutes(41));
    assertThat(rig.rounds.round().breached()).isEqualTo(1);
    List<String> messages = rig.dsl.select(io.switchboard.runtime.store.jooq.Tables.ALERT.MESSAGE)
        .from(io.switchboard.runtime.store.jooq.Tables.ALERT).fetch(r -> r.value1());
    assertThat(messages).anyMatch(m -> m.startsWith("Thread #" + thread.number() + " breached: first response was due"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aThreadOpenedForAnInteractionHoldsItsCardAtOnceAndAnUnknownOneOpensNothing(TestDatabases.Kind kind) {
    TicketRig rig = rig(kind);
    rig.queue("support", "bob");
    String chat = rig.start("queued-chat", "+48600100300", Map.of());
    Ticket opened = rig.tickets.openFor(chat, new TicketService.NewThread("Follow-up", null, "carl@example.com", null,
        "support", "high", null, null), "bob");
    assertThat(rig.tickets.threadsOf(chat)).extracting(Ticket::id).contains(opened.id());
    assertThat(rig.tickets.view(opened.id()).timeline()).extracting(TimelineEntry::kind).contains("interaction");
    int before = rig.tickets.list(new TicketRepository.Filter(null, null, null, false, null, false, 50, 0)).total();
    assertThatThrownBy(() -> rig.tickets.openFor("nope", new TicketService.NewThread("X", null, null, null, null, null,
        null, null), "bob")).hasMessageContaining("no interaction 'nope'");
    assertThat(rig.tickets.list(new TicketRepository.Filter(null, null, null, false, null, false, 50, 0)).total())
        .isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFlowsEmailJoinsTheThreadAnsweringTheCustomersMessageAndTheirAnswerFindsItByItsHeaders(TestDatabases.Kind kind)
      throws Exception {
    TicketRig rig = rig(kind);
    rig.queue("support", "bob");
    String interaction = rig.start("mail-answer", "ann@example.com", Map.of("subject", "Lamp broken",
        "messageId", "m1@customer.test"));
    Ticket thread = rig.tickets.threadsOf(interaction).getFirst();
    TimelineEntry ack = rig.tickets.view(thread.id()).timeline().stream()
        .filter(e -> e.kind().equals("email") && e.direction().equals("out")).findFirst().orElseThrow();
    assertThat(ack.by()).isEqualTo(TicketHook.FLOW);
    assertThat(ack.body()).isEqualTo("We have your message and answer within a day.");
    assertThat(ack.to()).containsExactly("ann@example.com");
    assertThat(ack.delivery()).isNotNull();

    await().atMost(Duration.ofSeconds(10)).until(() -> {
      rig.advance(Duration.ofMinutes(1));
      rig.dispatcher.handOverDue();
      return mail.waitForIncomingEmail(500, 1);
    });
    MimeMessage received = mail.getReceivedMessages()[0];
    assertThat(received.getMessageID()).isEqualTo("<" + ack.messageId() + ">");
    assertThat(received.getHeader("In-Reply-To")[0]).isEqualTo("<m1@customer.test>");
    await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(entry(rig, thread.id(), ack.id()).delivery().status()));
    assertThat(rig.tickets.threadFor(List.of(ack.messageId()), "Re: Lamp broken"))
        .contains(new ThreadMail.ThreadRef(thread.id(), thread.number()));
  }
}
