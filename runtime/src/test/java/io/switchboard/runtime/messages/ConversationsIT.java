package io.switchboard.runtime.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.Interpreter;
import io.switchboard.runtime.engine.RuntimeServices;
import io.switchboard.runtime.engine.TinyFlow;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.RunnableFlows;
import io.switchboard.runtime.store.Databases;
import io.switchboard.runtime.store.JooqInteractionStore;
import io.switchboard.runtime.store.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conversations on H2 and on MySQL (MariaDB here), kept by two instances on one database with one
 * hand-moved clock: a message to one instance starts an interaction, the customer's next message to
 * the other continues it within the timeout, and a message after the timeout or after the end starts
 * a new one.
 */
class ConversationsIT {
  private static final String ADDRESS = "+48225550199";
  private static final String ASK = TinyFlow.of("message", "[{\"name\": \"feedback\", \"type\": \"object\"}]", """
      {"id": "ask", "type": "reply", "config": {"text": "About '{{ trigger.body }}': did it help?"}},
      {"id": "w", "type": "wait", "config": {"event": "message", "seconds": 3600, "variable": "feedback"}},
      {"id": "said", "type": "reply", "config": {"text": "You said {{ feedback.body }}"}},
      {"id": "bye", "type": "reply", "config": {"text": "Bye"}},
      {"id": "e", "type": "end", "config": {"outcome": "answered"}},
      {"id": "late", "type": "end", "config": {"outcome": "no answer"}}""", """
      {"from": "t", "port": "next", "to": "ask"}, {"from": "ask", "port": "next", "to": "w"},
      {"from": "w", "port": "next", "to": "said"}, {"from": "w", "port": "timeout", "to": "late"},
      {"from": "said", "port": "next", "to": "bye"}, {"from": "bye", "port": "next", "to": "e"}""");
  private static final String HOLD = TinyFlow.of("message", "[]", """
      {"id": "w", "type": "wait", "config": {"seconds": 600}},
      {"id": "e", "type": "end", "config": {}}""", """
      {"from": "t", "port": "next", "to": "w"}, {"from": "w", "port": "next", "to": "e"}""");

  static List<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private HikariDataSource dataSource;

  @AfterEach
  void close() {
    if (dataSource != null) {
      dataSource.close();
    }
  }

  /** One application instance's message channel on the shared database. */
  private static final class Instance {
    final InteractionService interactions;
    final MessageService messages;

    Instance(DSLContext dsl, Engine.MutableClock clock, CompiledFlow flow) {
      JooqInteractionStore store = new JooqInteractionStore(dsl, clock, List.of(new ConversationHook()));
      Ids ids = new Ids();
      interactions = new InteractionService(RunnableFlows.only(flow), store, new Interpreter(new RuntimeServices(clock, ids, store), 100),
          ids, clock, () -> { }, id -> List.of());
      messages = new MessageService(address -> ADDRESS.equals(address) ? Optional.of(flow.id()) : Optional.empty(),
          interactions, new ConversationRepository(dsl), clock, Duration.ofMinutes(30));
    }

    MessageAnswer text(String from, String body) {
      return messages.receive(new InboundMessage(from, ADDRESS, body, "SM" + body.hashCode()));
    }
  }

  private Instance[] twoInstances(TestDatabases.Kind database, Engine.MutableClock clock, String flowJson) {
    Assumptions.assumeTrue(database.name().equals("H2") || TestDatabases.mysqlReachable(),
        "no MySQL-compatible server on 127.0.0.1:3306");
    dataSource = database.create().get();
    DSLContext dsl = Databases.dsl(dataSource);
    CompiledFlow flow = new Engine(clock).compile(flowJson);
    return new Instance[] {new Instance(dsl, clock, flow), new Instance(dsl, clock, flow)};
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theNextMessageWithinTheTimeoutContinuesTheInteractionOnAnyInstance(TestDatabases.Kind database) {
    Engine.MutableClock clock = new Engine.MutableClock();
    Instance[] instances = twoInstances(database, clock, ASK);

    MessageAnswer first = instances[0].text("+48600000001", "router blinks");
    assertThat(first.replies()).containsExactly("About 'router blinks': did it help?");
    Interaction waiting = instances[1].interactions.get(first.interactionId());
    assertThat(waiting.trigger()).containsEntry("body", "router blinks").containsEntry("messageSid", "SM" + "router blinks".hashCode());
    assertThat(waiting.waiting().event()).isEqualTo("message");

    MessageAnswer other = instances[1].text("+48600000002", "gps");
    assertThat(other.interactionId()).as("another customer, another conversation").isNotEqualTo(first.interactionId());

    clock.advanceSeconds(29 * 60);
    MessageAnswer second = instances[1].text("+48600000001", "NO");
    assertThat(second.interactionId()).isEqualTo(first.interactionId());
    assertThat(second.replies()).containsExactly("You said NO", "Bye");
    Interaction done = instances[0].interactions.get(first.interactionId());
    assertThat(done.status()).isEqualTo(InteractionStatus.completed);
    assertThat(done.variables().get("feedback")).isEqualTo(Map.of("body", "NO", "messageSid", "SM" + "NO".hashCode()));

    MessageAnswer afterTheEnd = instances[0].text("+48600000001", "hello again");
    assertThat(afterTheEnd.interactionId()).as("the conversation's interaction ended: a new one")
        .isNotEqualTo(first.interactionId());
    assertThat(afterTheEnd.replies()).containsExactly("About 'hello again': did it help?");

    clock.advanceSeconds(30 * 60 + 1);
    MessageAnswer afterTheTimeout = instances[1].text("+48600000001", "still there?");
    assertThat(afterTheTimeout.interactionId()).as("30 minutes passed since the conversation last moved")
        .isNotEqualTo(afterTheEnd.interactionId()).isNotEqualTo(first.interactionId());
    assertThat(instances[0].interactions.get(afterTheEnd.interactionId()).status())
        .as("the older one still waits, for its own time limit").isEqualTo(InteractionStatus.waiting);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aMessageTheFlowDoesNotWaitForIsKeptInTheStepLogAndAnsweredWithNothing(TestDatabases.Kind database) {
    Engine.MutableClock clock = new Engine.MutableClock();
    Instance[] instances = twoInstances(database, clock, HOLD);

    MessageAnswer first = instances[0].text("+48600000001", "router blinks");
    assertThat(first.replies()).isEmpty();
    MessageAnswer meanwhile = instances[1].text("+48600000001", "hello? anyone?");

    assertThat(meanwhile.interactionId()).isEqualTo(first.interactionId());
    assertThat(meanwhile.replies()).isEmpty();
    assertThat(instances[0].interactions.steps(first.interactionId()).getLast().changes())
        .containsEntry("customerMessage", "hello? anyone?");
    assertThat(instances[0].interactions.steps(first.interactionId()).getLast().actor()).isEqualTo("+48600000001");
    assertThat(instances[0].interactions.get(first.interactionId()).waiting().kind().name()).isEqualTo("timer");
  }
}
