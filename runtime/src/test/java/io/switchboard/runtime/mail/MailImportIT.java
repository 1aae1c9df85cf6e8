package io.switchboard.runtime.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.store.TestDatabases;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inbound e-mail from a real IMAP server (GreenMail on loopback, IMAP and IMAPS) into H2 and MySQL
 * (MariaDB here): what becomes a thread, what joins one, what is skipped or refused, and that every
 * message is imported exactly once across polls, restarts and two instances.
 */
class MailImportIT {
  private GreenMail mail;
  private GreenMailUser user;
  private HikariDataSource dataSource;
  private final MemoryThreads threads = new MemoryThreads();
  private final Engine.MutableClock clock = new Engine.MutableClock();

  static List<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  @BeforeEach
  void server() {
    mail = new GreenMail(new ServerSetup[] {ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.IMAPS.dynamicPort()});
    mail.start();
    user = mail.setUser("support@example.com", "support", "s3cret-imap");
  }

  @AfterEach
  void stop() {
    mail.stop();
    if (dataSource != null) {
      TestDatabases.dispose(dataSource);
    }
  }

  private MailRig rig(TestDatabases.Kind kind) {
    if (kind.name().equals("MySQL") && !TestDatabases.mysqlReachable()) {
      Assumptions.abort("no MySQL-compatible server on 127.0.0.1:3306: MySQL mail tests skipped");
    }
    dataSource = kind.create().get();
    return new MailRig(dataSource, threads, clock, MailRig.properties());
  }

  private String mailbox(MailRig rig, String security) {
    int port = security.equals("ssl") ? mail.getImaps().getPort() : mail.getImap().getPort();
    return rig.mailboxes.create(new MailboxService.Settings("support@example.com", "127.0.0.1", port, security, "support",
        "s3cret-imap", null, "support", null, 5, true)).id();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aMessageOpensAThreadInTheMailboxsQueueAndRepliesJoinIt(TestDatabases.Kind kind) {
    MailRig rig = rig(kind);
    String id = mailbox(rig, "ssl");
    MailRig.deliver(user, MailRig.message("m1@example.com", "Printer broken", ""));
    assertThat(rig.poller.pollNow(id)).isEqualTo(new MailPoller.PollResult(true, 1, 0, 0, 0, null));
    assertThat(threads.threads).hasSize(1);
    MemoryThreads.Thread thread = threads.threads.getFirst();
    assertThat(thread.queue()).isEqualTo("support");
    assertThat(thread.mails().getFirst().from()).isEqualTo("ann@example.com");
    assertThat(thread.mails().getFirst().text()).contains("Hello from m1@example.com");

    // our answer went out; the customer answers it with In-Reply-To, a colleague of theirs replies to all
    threads.sent(thread.number(), "i-1:4@switchboard");
    MailRig.deliver(user, MailRig.message("m2@example.com", "Re: Printer broken", "In-Reply-To: <i-1:4@switchboard>\n"));
    MailRig.deliver(user, "From: bob@example.com\nTo: ann@example.com\nCc: support@example.com\nSubject: Re: Re: Printer broken"
        + "\nMessage-ID: <m3@example.com>\nReferences: <m1@example.com> <i-1:4@switchboard> <m2@example.com>\n\nMe too.\n");
    // headers stripped by a client, the number still in the subject; and a forward with the number
    MailRig.deliver(user, MailRig.message("m4@example.com", "Re: Printer broken [#" + thread.number() + "]", ""));
    MailRig.deliver(user, MailRig.message("m5@example.com", "Fwd: Printer broken [#" + thread.number() + "]", ""));
    assertThat(rig.poller.pollNow(id)).isEqualTo(new MailPoller.PollResult(true, 0, 4, 0, 0, null));
    assertThat(threads.threads).hasSize(1);
    assertThat(thread.mails()).extracting(m -> m.messageId())
        .containsExactly("m1@example.com", "i-1:4@switchboard", "m2@example.com", "m3@example.com", "m4@example.com",
            "m5@example.com");
    List<MailImport> log = rig.mailboxes.log(id, 10);
    assertThat(log).extracting(MailImport::result).containsExactly("joined", "joined", "joined", "joined", "imported");
    assertThat(log).allSatisfy(entry -> assertThat(entry.threadNumber()).isEqualTo(thread.number()));
    assertThat(log.getLast().subject()).isEqualTo("Printer broken");
    assertThat(log.getLast().from()).isEqualTo("ann@example.com");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void autoRepliesAndBouncesCreateNothingAndAreLoggedAsSkipped(TestDatabases.Kind kind) {
    MailRig rig = rig(kind);
    String id = mailbox(rig, "none");
    MailRig.deliver(user, MailRig.message("ooo@example.com", "Automatic reply: Printer broken",
        "Auto-Submitted: auto-replied\nX-Auto-Response-Suppress: All\n"));
    MailRig.deliver(user, """
        From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
        To: support@example.com
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <bounce-1@mx.example.com>
        Content-Type: multipart/report; report-type=delivery-status; boundary="r"

        --r
        Content-Type: text/plain

        The mail system could not deliver your message.
        --r
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.com
        Action: failed
        Status: 5.1.1
        --r--
        """);
    MailRig.deliver(user, MailRig.message("news@example.com", "Our newsletter", "Precedence: bulk\n"));
    assertThat(rig.poller.pollNow(id)).isEqualTo(new MailPoller.PollResult(true, 0, 0, 3, 0, null));
    assertThat(threads.threads).isEmpty();
    assertThat(threads.held).isEmpty();
    assertThat(rig.mailboxes.log(id, 10)).extracting(MailImport::result).containsOnly("skipped");
    assertThat(rig.mailboxes.log(id, 10)).extracting(MailImport::reason).anySatisfy(r -> assertThat(r).contains("Auto-Submitted"))
        .anySatisfy(r -> assertThat(r).contains("delivery-status")).anySatisfy(r -> assertThat(r).contains("Precedence: bulk"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void pollingTwiceAndRestartingImportOnce(TestDatabases.Kind kind) {
    MailRig rig = rig(kind);
    String id = mailbox(rig, "ssl");
    for (int i = 0; i < 3; i++) {
      MailRig.deliver(user, MailRig.message("once-" + i + "@example.com", "Case " + i, ""));
    }
    assertThat(rig.poller.pollNow(id).imported()).isEqualTo(3);
    assertThat(rig.poller.pollNow(id)).isEqualTo(new MailPoller.PollResult(true, 0, 0, 0, 0, null));
    MailRig restarted = new MailRig(dataSource, threads, clock, MailRig.properties());
    assertThat(restarted.poller.pollNow(id)).isEqualTo(new MailPoller.PollResult(true, 0, 0, 0, 0, null));
    MailRig.deliver(user, MailRig.message("once-3@example.com", "Case 3", ""));
    assertThat(restarted.poller.pollNow(id).imported()).isEqualTo(1);
    assertThat(threads.filedMessageIds()).containsExactly("once-0@example.com", "once-1@example.com",
        "once-2@example.com", "once-3@example.com");
    assertThat(rig.mailboxes.get(id).lastUid()).isEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aClaimLeftByADeadPollIsCompletedWithoutFilingTheMessageTwice(TestDatabases.Kind kind) {
    MailRig rig = rig(kind);
    String id = mailbox(rig, "none");
    MailRig.deliver(user, MailRig.message("crash@example.com", "Crash", ""));
    // a poll claimed the message, filed it, and died before completing its row
    long validity = 1;
    rig.repository.claim(id, "dead", clock.millis(), clock.millis() + 1000, false);
    rig.repository.restartUids(id, "dead", uidValidity(rig, id));
    validity = uidValidity(rig, id);
    rig.repository.claimImport("00000000-0000-0000-0000-000000000001", id, validity, 1, "crash@example.com", null, null,
        clock.millis());
    threads.open(new io.switchboard.runtime.tickets.InboundEmail("support@example.com", "crash@example.com", null, null,
        "ann@example.com", null, null, null, "Crash", "", null, null, null, null), "support");
    // while the claim is fresh nobody takes it over
    clock.advanceMillis(2000);
    assertThat(rig.poller.pollNow(id).error()).contains("being imported by another poll");
    clock.advanceMillis(MailRig.properties().lease().toMillis());
    assertThat(rig.poller.pollNow(id)).isEqualTo(new MailPoller.PollResult(true, 0, 0, 1, 0, null));
    assertThat(threads.filedMessageIds()).containsExactly("crash@example.com");
    assertThat(rig.mailboxes.log(id, 5).getFirst().reason()).contains("already in thread");
  }

  private long uidValidity(MailRig rig, String id) {
    try (var store = new ImapConnector(MailRig.properties()).connect(rig.repository.find(id).orElseThrow().mailbox(),
        "s3cret-imap")) {
      var folder = store.getFolder("INBOX");
      folder.open(jakarta.mail.Folder.READ_ONLY);
      return ((jakarta.mail.UIDFolder) folder).getUIDValidity();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void twoInstancesPollingTogetherImportEachMessageOnce(TestDatabases.Kind kind) throws Exception {
    MailRig one = rig(kind);
    String id = mailbox(one, "none");
    for (int i = 0; i < 40; i++) {
      MailRig.deliver(user, MailRig.message("pair-" + i + "@example.com", "Case " + i, ""));
    }
    // the second instance's clock is a lease ahead: it sees the first's lease as run out and takes the
    // mailbox while the first is still polling, so both import at the same time for a while
    Engine.MutableClock ahead = new Engine.MutableClock();
    ahead.advanceMillis(MailRig.properties().lease().toMillis() + 1000);
    MailRig two = new MailRig(dataSource, threads, ahead, MailRig.properties());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CyclicBarrier start = new CyclicBarrier(4);
      List<Callable<Integer>> polls = List.of(() -> race(start, one, id), () -> race(start, two, id),
          () -> race(start, one, id), () -> race(start, two, id));
      for (Future<Integer> f : pool.invokeAll(polls)) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    // whatever is left (a poll that lost its lease stops) is imported by later polls
    for (int i = 0; i < 5; i++) {
      ahead.advanceMillis(MailRig.properties().lease().toMillis() + 1000);
      two.poller.pollNow(id);
    }
    List<String> filed = threads.filedMessageIds();
    assertThat(filed).hasSize(40).doesNotHaveDuplicates();
    assertThat(one.mailboxes.log(id, 100)).hasSize(40).extracting(MailImport::result).containsOnly("imported");
  }

  private static int race(CyclicBarrier start, MailRig rig, String id) throws Exception {
    start.await();
    return rig.poller.pollNow(id).imported();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aBrokenMessageIsRecordedAndTheNextOneStillImports(TestDatabases.Kind kind) {
    MailRig rig = rig(kind);
    String id = mailbox(rig, "ssl");
    MailRig.deliver(user, """
        From: ann@example.com
        To: support@example.com
        Subject: broken
        Message-ID: <broken@example.com>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="never-there"

        Text a broken client wrote.
        """);
    byte[] big = new byte[6000];
    MailRig.deliver(user, """
        From: ann@example.com
        To: support@example.com
        Subject: big file
        Message-ID: <big@example.com>
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain

        See attached.
        --b
        Content-Type: application/octet-stream
        Content-Disposition: attachment; filename="big.bin"
        Content-Transfer-Encoding: base64

        """ + java.util.Base64.getMimeEncoder().encodeToString(big) + "\n--b--\n");
    MailRig.deliver(user, MailRig.message("after@example.com", "Next one", ""));
    assertThat(rig.poller.pollNow(id)).isEqualTo(new MailPoller.PollResult(true, 3, 0, 0, 0, null));
    List<MailImport> log = rig.mailboxes.log(id, 10);
    assertThat(log).extracting(MailImport::messageId).containsExactly("after@example.com", "big@example.com",
        "broken@example.com");
    assertThat(log.get(2).reason()).contains("broken multipart");
    assertThat(log.get(1).reason()).contains("big.bin", "6000 bytes");
    assertThat(threads.threads).hasSize(3);
    var attachment = threads.threads.get(1).mails().getFirst().attachments().getFirst();
    assertThat(attachment.content()).isNull();
    assertThat(attachment.size()).isEqualTo(6000);
  }
}
