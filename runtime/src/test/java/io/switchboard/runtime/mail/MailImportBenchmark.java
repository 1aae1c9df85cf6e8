package io.switchboard.runtime.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.desk.BenchStores;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.tickets.TicketRig;
import java.util.List;
import java.util.Map;

/**
 * Inbound messages imported per second (not a test): {@code bench.messages} (2,000) plain messages with
 * a small attachment on every fifth, put into a GreenMail IMAP mailbox on loopback, then imported by
 * one poll: fetched whole over IMAP, read, classified, claimed and completed in {@code mail_import}
 * with the mailbox's last UID and lease moved on after each message, and filed: once into in-memory
 * threads (the mail package's own cost), once into the ticket service's threads on the same database
 * (customers, threads, timeline entries, SLA clocks). Each is followed by a poll that finds nothing
 * new (the cost of an idle poll of a full mailbox).
 * Run: {@code ./mvnw -q -pl flow-schemas,runtime -Pbench verify -Dbench.main=io.switchboard.runtime.mail.MailImportBenchmark
 * -Dbench.stores=h2,mysql}.
 */
public final class MailImportBenchmark {
  private static final int MESSAGES = Integer.getInteger("bench.messages", 2_000);

  private MailImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchStores.each(MailImportBenchmark::run);
  }

  private static void run(String store, HikariDataSource dataSource) {
    GreenMail mail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
    mail.start();
    try {
      GreenMailUser user = mail.setUser("bench@example.com", "bench", "bench");
      long delivered = System.nanoTime();
      String attachment = java.util.Base64.getMimeEncoder().encodeToString(new byte[2048]);
      for (int i = 0; i < MESSAGES; i++) {
        String body = i % 5 != 0 ? MailRig.message("bench-" + i + "@example.com", "Case " + i, "")
            : "From: ann@example.com\nTo: bench@example.com\nSubject: Case " + i + "\nMessage-ID: <bench-" + i
                + "@example.com>\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\n"
                + "See the file.\n--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"f.pdf\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + attachment + "\n--b--\n";
        MailRig.deliver(user, body);
      }
      System.out.printf("%s: %d messages put into the IMAP mailbox in %.1f s%n", store, MESSAGES,
          (System.nanoTime() - delivered) / 1e9);
      MailProperties properties = new MailProperties(false, null, null, null, null, null, MESSAGES, null, List.of(),
          null, null, null);
      MemoryThreads memory = new MemoryThreads();
      importAll(store + ", in-memory threads (the mail package alone)", new MailRig(dataSource, memory,
          new Engine.MutableClock(), properties), mail.getImap().getPort());
      Engine engine = new Engine();
      try (TicketRig tickets = new TicketRig(dataSource, engine.clock(), Map.of(), 1)) {
        importAll(store + ", the ticket service's threads", new MailRig(dataSource, tickets.tickets, engine.clock(),
            properties), mail.getImap().getPort());
      }
    } finally {
      mail.stop();
    }
  }

  /** One mailbox (made afresh, so nothing of an earlier run counts as imported) read whole by one poll, then polled again. */
  private static void importAll(String what, MailRig rig, int imapPort) {
    rig.repository.list().forEach(m -> rig.repository.delete(m.mailbox().id()));
    String id = rig.mailboxes.create(new MailboxService.Settings("bench@example.com", "127.0.0.1", imapPort, "none",
        "bench", "bench", null, "support", null, 5, true)).id();
    long start = System.nanoTime();
    MailPoller.PollResult result = rig.poller.pollNow(id);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (result.imported() != MESSAGES) {
      throw new IllegalStateException("imported " + result.imported() + " of " + MESSAGES + ": " + result);
    }
    System.out.printf("%s: %d messages imported in %.1f s: %.0f messages per second%n", what, MESSAGES, seconds,
        MESSAGES / seconds);
    start = System.nanoTime();
    MailPoller.PollResult idle = rig.poller.pollNow(id);
    System.out.printf("%s: a poll with nothing new in a mailbox of %d messages: %.0f ms (%d imported)%n", what, MESSAGES,
        (System.nanoTime() - start) / 1e6, idle.imported());
  }
}
