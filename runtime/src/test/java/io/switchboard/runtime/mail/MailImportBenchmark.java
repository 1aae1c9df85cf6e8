package io.switchboard.runtime.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.desk.BenchStores;
import io.switchboard.runtime.engine.Engine;
import java.util.List;

/**
 * Inbound messages imported per second (not a test): {@code bench.messages} (2,000) plain messages with
 * a small attachment on every fifth, put into a GreenMail IMAP mailbox on loopback, then imported by
 * one poll: fetched whole over IMAP, read, classified, claimed and completed in {@code mail_import}
 * with the mailbox's last UID and lease moved on after each message, and filed into in-memory threads
 * (so the figure is the mail package's own cost, without the thread service's writes). Then a second
 * poll finds nothing new (the cost of an idle poll of a full mailbox).
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
      String attachment = java.util.Base64.getMimeEncoder().encodeToString(new byte[2048]);
      for (int i = 0; i < MESSAGES; i++) {
        String body = i % 5 != 0 ? MailRig.message("bench-" + i + "@example.com", "Case " + i, "")
            : "From: ann@example.com\nTo: bench@example.com\nSubject: Case " + i + "\nMessage-ID: <bench-" + i
                + "@example.com>\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\n"
                + "See the file.\n--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"f.pdf\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + attachment + "\n--b--\n";
        MailRig.deliver(user, body);
      }
      MemoryThreads threads = new MemoryThreads();
      MailProperties properties = new MailProperties(false, null, null, null, null, null, MESSAGES, null, List.of(),
          null, null, null);
      MailRig rig = new MailRig(dataSource, threads, new Engine.MutableClock(), properties);
      String id = rig.mailboxes.create(new MailboxService.Settings("bench@example.com", "127.0.0.1",
          mail.getImap().getPort(), "none", "bench", "bench", null, "support", null, 5, true)).id();
      long start = System.nanoTime();
      MailPoller.PollResult result = rig.poller.pollNow(id);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (result.imported() != MESSAGES || threads.threads.size() != MESSAGES) {
        throw new IllegalStateException("imported " + result.imported() + " of " + MESSAGES + ": " + result.error());
      }
      System.out.printf("%s: %d messages imported in %.1f s: %.0f messages per second%n", store, MESSAGES, seconds,
          MESSAGES / seconds);
      start = System.nanoTime();
      MailPoller.PollResult idle = rig.poller.pollNow(id);
      System.out.printf("%s: a poll with nothing new in a mailbox of %d messages: %.0f ms (%d imported)%n", store, MESSAGES,
          (System.nanoTime() - start) / 1e6, idle.imported());
    } finally {
      mail.stop();
    }
  }
}
