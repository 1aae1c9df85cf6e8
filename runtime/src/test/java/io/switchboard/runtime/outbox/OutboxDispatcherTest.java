package io.switchboard.runtime.outbox;

import static io.switchboard.runtime.Conditions.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.Interpreter;
import io.switchboard.runtime.engine.RuntimeServices;
import io.switchboard.runtime.engine.TinyFlow;
import io.switchboard.runtime.model.Delivery;
import io.switchboard.runtime.store.Databases;
import io.switchboard.runtime.store.JooqInteractionStore;
import io.switchboard.runtime.store.OutboxRepository;
import io.switchboard.runtime.store.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The dispatcher's workers on an outbox on H2: a delivery that never ends holds one of them, and a
 * mail server that never answers fails an attempt within the SMTP timeout.
 */
class OutboxDispatcherTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration BACKOFF = Duration.ofSeconds(1);
  private static final String FLOW = TinyFlow.of("message", """
      [{"name": "to", "type": "string"}]""", """
      {"id": "m", "type": "email", "config": {"to": "{{ to }}", "subject": "Hello", "body": "Hi"}},
      {"id": "e", "type": "end", "config": {"outcome": "done"}}""", """
      {"from": "t", "port": "next", "to": "m"}, {"from": "m", "port": "sent", "to": "e"}""");

  private final HikariDataSource database = TestDatabases.h2();
  private final Engine engine = new Engine();
  private final JooqInteractionStore store = new JooqInteractionStore(Databases.dsl(database), engine.clock());
  private final OutboxRepository outbox = new OutboxRepository(Databases.dsl(database), engine.clock());
  private final Interpreter interpreter = new Interpreter(new RuntimeServices(engine.clock(), new Ids(), store), 100);
  private final CompiledFlow flow = engine.compile(FLOW);
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closing.reversed()) {
      c.close();
    }
    TestDatabases.dispose(database);
  }

  /** Starts an interaction that sends one e-mail to {@code to}; its message is in the outbox. */
  private String emailTo(String to) {
    Interaction it = new Interaction(new Ids().next(), flow.id(), 1, "message", Map.of("from", "+48"), Map.of("to", to),
        engine.clock().millis());
    interpreter.start(flow, it);
    store.save(it);
    return it.id();
  }

  private OutboxDispatcher dispatcher(Deliverer deliverer, int workers) {
    OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, List.of(deliverer), 8, BACKOFF, LEASE, workers);
    closing.add(dispatcher);
    return dispatcher;
  }

  private Delivery delivery(String interactionId) {
    return outbox.deliveries(interactionId).getFirst();
  }

  /** Delivers at once, except to one address, whose delivery waits until the test lets it go. */
  private static final class OneStuck implements Deliverer {
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger stuckAttempts = new AtomicInteger();
    final List<String> delivered = new CopyOnWriteArrayList<>();

    @Override
    public String kind() {
      return "email";
    }

    @Override
    public void deliver(Map<String, Object> payload, String idempotencyKey) {
      if (payload.get("to").equals("stuck@example.com")) {
        stuckAttempts.incrementAndGet();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DeliveryException("interrupted", false, e);
        }
      }
      delivered.add((String) payload.get("to"));
    }
  }

  @Test
  void aStuckDeliveryHoldsOneWorkerWhileTheOtherMessagesAreDelivered() throws Exception {
    OneStuck deliverer = new OneStuck();
    closing.add(deliverer.release::countDown);
    String stuck = emailTo("stuck@example.com");
    engine.clock().advanceMillis(1); // the stuck message is the first one due
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      others.add(emailTo("customer" + i + "@example.com"));
    }
    OutboxDispatcher dispatcher = dispatcher(deliverer, 3);

    dispatcher.start(Duration.ofMillis(50));

    assertThat(within(Duration.ofSeconds(5), () -> others.stream().allMatch(id -> delivery(id).status().equals("sent"))))
        .as("every other message was delivered: " + deliverer.delivered).isTrue();
    assertThat(deliverer.delivered).hasSize(6).doesNotContain("stuck@example.com");
    assertThat(delivery(stuck).status()).isEqualTo("sending");

    engine.clock().advanceMillis(LEASE.toMillis());
    assertThat(outbox.dueIds(10)).as("its lease ran out: another instance may take it").containsExactly(delivery(stuck).id());
    dispatcher.wake();
    deliverer.release.countDown();
    assertThat(within(Duration.ofSeconds(5), () -> delivery(stuck).status().equals("sent"))).isTrue();
    assertThat(deliverer.stuckAttempts).as("not handed to a second worker here while in flight").hasValue(1);
  }

  /** The JavaMail properties the runtime gives Spring's mail sender unless the application sets its own. */
  private static Properties runtimeMailDefaults() throws IOException {
    Properties file = new Properties();
    try (InputStream in = OutboxDispatcherTest.class.getResourceAsStream("/switchboard-runtime.properties")) {
      file.load(in);
    }
    Properties mail = new Properties();
    String prefix = "spring.mail.properties.";
    file.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
        .forEach(k -> mail.setProperty(k.substring(prefix.length()), file.getProperty(k)));
    return mail;
  }

  @Test
  void smtpConnectReadAndWriteTimeoutsAreSetByDefault() throws IOException {
    assertThat(runtimeMailDefaults())
        .containsEntry("mail.smtp.connectiontimeout", "10000")
        .containsEntry("mail.smtp.timeout", "30000")
        .containsEntry("mail.smtp.writetimeout", "30000");
  }

  @Test
  void aMailServerThatNeverAnswersFailsTheAttemptWithinTheTimeoutAndItIsRetriedLater() throws Exception {
    Duration timeout = Duration.ofMillis(300);
    ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    List<Socket> held = new CopyOnWriteArrayList<>();
    closing.add(() -> held.forEach(socket -> {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }));
    closing.add(blackHole);
    Thread.ofVirtual().start(() -> {
      try {
        while (true) {
          held.add(blackHole.accept()); // accepts, and never says a word
        }
      } catch (IOException closed) {
        // the test is over
      }
    });
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(blackHole.getLocalPort());
    Properties mail = runtimeMailDefaults();
    mail.setProperty("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
    mail.setProperty("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
    mail.setProperty("mail.smtp.writetimeout", String.valueOf(timeout.toMillis()));
    sender.setJavaMailProperties(mail);
    String id = emailTo("ann@example.com");
    OutboxDispatcher dispatcher = dispatcher(new EmailDeliverer(sender, "switchboard@localhost", "switchboard"), 1);

    assertThat(dispatcher.handOverDue()).isEqualTo(1);

    assertThat(within(timeout.plusSeconds(1), () -> delivery(id).attempts() == 1 && delivery(id).status().equals("pending")))
        .as("the attempt failed within the timeout + 1 s: " + delivery(id)).isTrue();
    assertThat(held).isNotEmpty();
    assertThat(delivery(id).lastError()).startsWith("attempt 1: SMTP delivery failed").containsIgnoringCase("timed out");
    assertThat(outbox.dueIds(10)).as("not due again before the backoff").isEmpty();
    engine.clock().advanceMillis(BACKOFF.toMillis());
    assertThat(outbox.dueIds(10)).as("tried again after it").containsExactly(delivery(id).id());
  }
}
