package io.switchboard.runtime.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.TinyFlow;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.runtime.store.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The desk on H2 and on MySQL (MariaDB here), with a hand-moved clock and offering rounds run by the
 * test: who is offered what, in which order, what lapses and declines do, after-call work, capacity,
 * the queue's maximum wait.
 */
class DeskIT {
  static final String CHAT = TinyFlow.of("message", "[]", """
      {"id": "s", "type": "script", "config": {"prompt": "Hello {{ trigger.from }}", "queue": "q",
        "answers": [{"port": "done", "label": "Done"}]}},
      {"id": "e", "type": "end", "config": {"outcome": "helped"}}""", """
      {"from": "t", "port": "next", "to": "s"}, {"from": "s", "port": "done", "to": "e"}""");
  static final String URGENT_CHAT = TinyFlow.of("message", "[]", """
      {"id": "x", "type": "escalate", "config": {"priority": "urgent"}},
      {"id": "s", "type": "script", "config": {"prompt": "Hello {{ trigger.from }}", "queue": "q",
        "answers": [{"port": "done", "label": "Done"}]}},
      {"id": "e", "type": "end", "config": {"outcome": "helped"}}""", """
      {"from": "t", "port": "next", "to": "x"}, {"from": "x", "port": "next", "to": "s"},
      {"from": "s", "port": "done", "to": "e"}""").replace("\"id\": \"tiny\"", "\"id\": \"urgent\"");
  static final String CALL = TinyFlow.of("voice", "[]", """
      {"id": "f", "type": "forward", "config": {"target": {"kind": "queue", "value": "q"}}},
      {"id": "ok", "type": "end", "config": {"outcome": "talked"}},
      {"id": "ko", "type": "end", "config": {"outcome": "nobody answered"}}""", """
      {"from": "t", "port": "next", "to": "f"}, {"from": "f", "port": "connected", "to": "ok"},
      {"from": "f", "port": "failed", "to": "ko"}""").replace("\"id\": \"tiny\"", "\"id\": \"call\"");

  static final String STEPS = TinyFlow.of("message", "[{\"name\": \"n\", \"type\": \"number\"}]", """
      {"id": "s1", "type": "script", "config": {"prompt": "First", "queue": "q", "answers": [{"port": "next", "label": "Next"}]}},
      {"id": "x", "type": "set", "config": {"assignments": {"n": "1"}}},
      {"id": "s2", "type": "script", "config": {"prompt": "Second", "answers": [{"port": "next", "label": "Next"}]}},
      {"id": "m", "type": "email", "config": {"to": "ann@example.com", "subject": "Hi", "body": "Hello"}},
      {"id": "s3", "type": "script", "config": {"prompt": "Third", "answers": [{"port": "done", "label": "Done"}]}},
      {"id": "e", "type": "end", "config": {"outcome": "done"}}""", """
      {"from": "t", "port": "next", "to": "s1"}, {"from": "s1", "port": "next", "to": "x"},
      {"from": "x", "port": "next", "to": "s2"}, {"from": "s2", "port": "next", "to": "m"},
      {"from": "m", "port": "sent", "to": "s3"}, {"from": "m", "port": "failed", "to": "s3"},
      {"from": "s3", "port": "done", "to": "e"}""").replace("\"id\": \"tiny\"", "\"id\": \"steps\"");

  private HikariDataSource dataSource;

  static List<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  static Map<String, CompiledFlow> flows(Engine engine) {
    return Map.of("tiny", engine.compile(CHAT), "urgent", engine.compile(URGENT_CHAT), "call", engine.compile(CALL),
        "steps", engine.compile(STEPS));
  }

  DeskRig rig(TestDatabases.Kind kind) {
    if (kind.name().equals("MySQL") && !TestDatabases.mysqlReachable()) {
      Assumptions.abort("no MySQL-compatible server on 127.0.0.1:3306: MySQL desk tests skipped");
    }
    dataSource = kind.create().get();
    Engine engine = new Engine();
    return new DeskRig(dataSource, engine.clock(), flows(engine));
  }

  @AfterEach
  void dispose() {
    if (dataSource != null) {
      TestDatabases.dispose(dataSource);
    }
  }

  private static Offer onlyOffer(DeskRig rig, String agent) {
    List<Offer> offers = rig.desk.offers(agent);
    assertThat(offers).as("open offers of " + agent).hasSize(1);
    return offers.getFirst();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void highestPriorityFirstThenLongestWaitingToTheAgentIdleLongest(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.queue("q", 600, 0, List.of("ann", "bob"));
    String first = rig.start("tiny", "+48111");
    rig.advance(Duration.ofSeconds(1));
    String second = rig.start("tiny", "+48222");
    rig.advance(Duration.ofSeconds(1));
    String urgent = rig.start("urgent", "+48333");
    assertThat(rig.interactions.get(first).waiting().kind()).isEqualTo(Waiting.Kind.queue);
    rig.available("bob");
    rig.advance(Duration.ofSeconds(5));
    rig.available("ann");

    assertThat(rig.offering.round().offered()).isEqualTo(2);
    assertThat(onlyOffer(rig, "bob").interactionId()).as("idle longest gets the most urgent").isEqualTo(urgent);
    assertThat(onlyOffer(rig, "bob").priority()).isEqualTo(4);
    assertThat(onlyOffer(rig, "ann").interactionId()).as("then the longest waiting").isEqualTo(first);
    assertThat(rig.offering.round().offered()).as("one open offer per agent").isZero();
    assertThat(rig.desk.queues().getFirst().waiting()).isEqualTo(3);
    assertThat(second).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anAcceptedOfferGivesTheAgentTheScriptAndEndingLeadsThroughAfterCallWorkAndWrapUp(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.queue("q", 600, 30, List.of("ann"), "solved", "callback");
    String id = rig.start("tiny", "+48111");
    rig.available("ann");
    rig.offering.round();
    Offer offer = onlyOffer(rig, "ann");
    assertThat(offer.caller()).isEqualTo("+48111");

    Interaction accepted = rig.desk.accept(offer.id(), "ann");
    assertThat(accepted.agent()).isEqualTo("ann");
    assertThat(accepted.waiting().kind()).isEqualTo(Waiting.Kind.agent_answer);
    assertThat(accepted.waiting().details()).containsEntry("prompt", "Hello +48111");
    assertThat(rig.desk.me("ann").state()).isEqualTo(AgentState.busy);
    assertThat(rig.desk.queues().getFirst().waiting()).isZero();
    assertThatThrownBy(() -> rig.desk.accept(offer.id(), "ann")).isInstanceOf(ConflictException.class);

    Interaction done = rig.interactions.answer(id, new Resume.AgentAnswer("s", "done", Map.of(), "ann"));
    assertThat(done.status()).isEqualTo(InteractionStatus.completed);
    assertThat(rig.interactions.steps(id)).filteredOn(s -> "done".equals(s.port())).singleElement()
        .as("the answer is logged with the agent").extracting(s -> s.actor()).isEqualTo("ann");
    assertThatThrownBy(() -> rig.desk.wrapUp(id, "ann", "solved")).isInstanceOf(ConflictException.class);

    rig.desk.end(id, "ann");
    assertThat(rig.desk.me("ann").state()).isEqualTo(AgentState.after_call_work);
    assertThatThrownBy(() -> rig.desk.wrapUp(id, "ann", "whatever")).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("one of [solved, callback]");
    rig.desk.wrapUp(id, "ann", "solved");
    assertThat(rig.desk.me("ann").state()).isEqualTo(AgentState.available);
    assertThat(rig.desk.assignment(id).orElseThrow().wrapUpCode()).isEqualTo("solved");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void afterCallWorkEndsByItselfWhenItsTimeIsUp(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.queue("q", 600, 30, List.of("ann"));
    String id = rig.start("tiny", "+48111");
    rig.available("ann");
    rig.offering.round();
    rig.desk.accept(onlyOffer(rig, "ann").id(), "ann");
    rig.desk.end(id, "ann");
    assertThat(rig.interactions.get(id).status()).as("ending stops the flow").isEqualTo(InteractionStatus.cancelled);
    String next = rig.start("tiny", "+48222");
    rig.advance(Duration.ofSeconds(29));
    rig.offering.round();
    assertThat(rig.desk.offers("ann")).as("no offers during after-call work").isEmpty();
    rig.advance(Duration.ofSeconds(1));
    rig.offering.round();
    assertThat(rig.desk.me("ann").state()).isEqualTo(AgentState.available);
    assertThat(onlyOffer(rig, "ann").interactionId()).isEqualTo(next);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aLapsedOrDeclinedOfferGoesToTheNextAgentAndTwoLapsesInARowSetTheAgentAway(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.queue("q", 3600, 0, List.of("ann", "bob"));
    String id = rig.start("tiny", "+48111");
    rig.available("ann");
    rig.advance(Duration.ofSeconds(1));
    rig.available("bob");
    rig.offering.round();
    assertThat(onlyOffer(rig, "ann").interactionId()).isEqualTo(id);

    rig.advance(Duration.ofSeconds(20));
    Offering.Round round = rig.offering.round();
    assertThat(round.lapsed()).isEqualTo(1);
    assertThat(rig.desk.offers("ann")).isEmpty();
    Offer toBob = onlyOffer(rig, "bob");
    rig.desk.decline(toBob.id(), "bob");
    rig.offering.round();
    assertThat(onlyOffer(rig, "ann").interactionId()).as("everyone let it go once: round again").isEqualTo(id);
    assertThat(rig.desk.me("ann").state()).isEqualTo(AgentState.available);

    rig.advance(Duration.ofSeconds(20));
    rig.offering.round();
    assertThat(rig.desk.me("ann").state()).as("second lapse in a row").isEqualTo(AgentState.away);
    assertThat(onlyOffer(rig, "bob").interactionId()).isEqualTo(id);
    assertThat(rig.desk.me("bob").state()).as("a decline is no lapse").isEqualTo(AgentState.available);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void capacityPerChannelIsRespectedAndACallBlocksEverythingElse(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.queue("q", 3600, 0, List.of("ann"));
    rig.available("ann");
    for (int i = 0; i < 4; i++) {
      rig.start("tiny", "+4810" + i);
    }
    for (int i = 0; i < 4; i++) {
      rig.offering.round();
      rig.desk.offers("ann").forEach(o -> rig.desk.accept(o.id(), "ann"));
      rig.advance(Duration.ofMillis(10));
    }
    assertThat(rig.desk.holding("ann")).as("three chats at once").hasSize(3);
    assertThat(rig.desk.queues().getFirst().waiting()).isEqualTo(1);

    rig.desk.chooseState("ann", "away");
    String call = rig.start("call", "+48999");
    rig.queue("q", 3600, 0, List.of("ann", "bob"));
    rig.available("bob");
    rig.offering.round();
    rig.desk.accept(onlyOffer(rig, "bob").id(), "bob"); // the chat waiting longest: a chat leaves room for a call
    rig.offering.round();
    Offer theCall = onlyOffer(rig, "bob");
    assertThat(theCall.interactionId()).isEqualTo(call);
    rig.desk.accept(theCall.id(), "bob");
    rig.start("tiny", "+48777");
    rig.offering.round();
    assertThat(rig.desk.offers("bob")).as("on a call, nothing else").isEmpty();
    assertThat(rig.desk.me("bob").active()).containsEntry("voice", 1).containsEntry("message", 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aCallWaitsInTheQueueUntilItsMaximumWaitAndAnOpenOfferIsWithdrawn(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.queue("q", 60, 0, List.of("ann"));
    String id = rig.start("call", "+48111");
    Interaction waiting = rig.interactions.get(id);
    assertThat(waiting.waiting().kind()).isEqualTo(Waiting.Kind.queue);
    assertThat(waiting.instruction().verb().name()).as("the provider holds the caller").isEqualTo("queue");
    rig.available("ann");
    rig.advance(Duration.ofSeconds(50));
    rig.offering.round();
    Offer offer = onlyOffer(rig, "ann");

    rig.advance(Duration.ofSeconds(10));
    assertThat(rig.interactions.fireTimer(id)).isTrue();
    Interaction failed = rig.interactions.get(id);
    assertThat(failed.status()).isEqualTo(InteractionStatus.completed);
    assertThat(failed.outcome()).isEqualTo("nobody answered");
    assertThat(failed.error().code()).isEqualTo(Failure.Code.timeout);
    assertThat(rig.desk.offers("ann")).as("the offer went with it").isEmpty();
    assertThat(rig.desk.offer(offer.id(), "ann").status()).isEqualTo("withdrawn");
    assertThat(rig.desk.queues().getFirst().waiting()).isZero();
    assertThatThrownBy(() -> rig.desk.accept(offer.id(), "ann")).isInstanceOf(ConflictException.class);
    assertThat(rig.desk.me("ann").active()).containsEntry("voice", 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anAgentWhoseSessionsWentQuietIsOfflineAndOffersNothing(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.queue("q", 3600, 0, List.of("ann"));
    rig.available("ann");
    rig.advance(Duration.ofSeconds(61));
    rig.start("tiny", "+48111");
    rig.offering.round();
    assertThat(rig.repository.agent("ann").orElseThrow().state()).isEqualTo(AgentState.offline);
    assertThat(rig.desk.offers("ann")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aTransferPutsTheInteractionBackInAQueueOfferedFirstToTheChosenAgent(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.queue("q", 3600, 0, List.of("ann"));
    rig.queue("second", 3600, 0, List.of("cid"));
    String id = rig.start("tiny", "+48111");
    rig.available("ann", "bob", "cid");
    rig.offering.round();
    rig.desk.accept(onlyOffer(rig, "ann").id(), "ann");
    assertThatThrownBy(() -> rig.desk.transfer(id, "bob", "second", null)).isInstanceOf(ConflictException.class);

    rig.desk.transfer(id, "ann", null, "bob");
    assertThat(rig.desk.holding("ann")).isEmpty();
    rig.offering.round();
    Offer toBob = onlyOffer(rig, "bob");
    Interaction withBob = rig.desk.accept(toBob.id(), "bob");
    assertThat(withBob.agent()).isEqualTo("bob");
    assertThat(withBob.waiting().nodeId()).isEqualTo("s");
    rig.desk.transfer(id, "bob", "second", null);
    rig.offering.round();
    assertThat(onlyOffer(rig, "cid").queueId()).isEqualTo("second");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void queuesAreCheckedBeforeAnythingIsWritten(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    assertThatThrownBy(() -> rig.queue("Bad Id", 60, 0, List.of())).hasMessageContaining("queue id");
    assertThatThrownBy(() -> rig.queue("q", 0, 0, List.of())).hasMessageContaining("maxWaitSeconds");
    assertThatThrownBy(() -> rig.queue("q", 60, -1, List.of())).hasMessageContaining("afterCallWorkSeconds");
    assertThatThrownBy(() -> rig.queue("q", 60, 0, List.of("ann", "ann"))).hasMessageContaining("twice");
    assertThat(rig.desk.queues()).isEmpty();
    assertThatThrownBy(() -> rig.desk.chooseState("ann", "busy")).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("available, away or offline");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theAgentGoesBackOneStepOnlyOverStepsThatCanBeUndone(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.queue("q", 3600, 0, List.of("ann"));
    String id = rig.start("steps", "+48111");
    rig.available("ann");
    rig.offering.round();
    rig.desk.accept(onlyOffer(rig, "ann").id(), "ann");
    assertThatThrownBy(() -> rig.desk.back(id, "ann")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("no earlier agent step");
    rig.interactions.answer(id, new Resume.AgentAnswer("s1", "next", Map.of(), "ann"));
    assertThat(rig.interactions.get(id).waiting().nodeId()).isEqualTo("s2");

    Interaction back = rig.desk.back(id, "ann");
    assertThat(back.waiting().nodeId()).isEqualTo("s1");
    assertThat(back.waiting().details()).containsEntry("prompt", "First");
    assertThat(rig.interactions.steps(id)).anySatisfy(s -> {
      assertThat(s.actor()).isEqualTo("ann");
      assertThat(s.changes()).containsEntry("agentAction", "went back to step s1");
    });
    rig.interactions.answer(id, new Resume.AgentAnswer("s1", "next", Map.of(), "ann"));
    rig.interactions.answer(id, new Resume.AgentAnswer("s2", "next", Map.of(), "ann"));
    assertThat(rig.interactions.get(id).waiting().nodeId()).isEqualTo("s3");
    assertThatThrownBy(() -> rig.desk.back(id, "ann")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("'m' (email)");
    assertThatThrownBy(() -> rig.desk.back(id, "bob")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("not assigned to bob");
  }
}
