package io.switchboard.runtime.store;

import io.switchboard.runtime.model.FlowVersion;
import io.switchboard.runtime.model.FlowDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.Interpreter;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.TinyFlow;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.engine.RuntimeServices;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same store tests on H2 and on MySQL (MariaDB serves as MySQL on CI's machine). */
class StoreIT {
  private static final String FLOW = TinyFlow.of("message", """
      [{"name": "name", "type": "string"}, {"name": "ticketId", "type": "string"}]""", """
      {"id": "c", "type": "ticket", "config": {"action": "create", "subject": "Zażółć gęślą jaźń — {{ name }}"}},
      {"id": "x", "type": "escalate", "config": {"alert": {"message": "Árvíztűrő tükörfúrógép {{ name }}"}}},
      {"id": "m", "type": "email", "config": {"to": "ann@example.com", "subject": "Case {{ ticketId }}", "body": "Hi {{ name }}"}},
      {"id": "w", "type": "wait", "config": {"seconds": 60}},
      {"id": "e", "type": "end", "config": {"outcome": "done"}}""", """
      {"from": "t", "port": "next", "to": "c"}, {"from": "c", "port": "ok", "to": "x"}, {"from": "x", "port": "next", "to": "m"},
      {"from": "m", "port": "sent", "to": "w"}, {"from": "w", "port": "next", "to": "e"}""");

  private HikariDataSource dataSource;

  /** A store on the database under test with an interpreter and a hand-moved clock. */
  private record Fixture(DSLContext dsl, Engine engine, JooqInteractionStore store, Interpreter interpreter, CompiledFlow flow) {
    Interaction started(Map<String, Object> variables) {
      Interaction it = new Interaction(new Ids().next(), flow.id(), 1, "message", Map.of("from", "+48"), variables,
          engine.clock().millis());
      interpreter.start(flow, it);
      return it;
    }
  }

  private Fixture fixture(TestDatabases.Kind kind) {
    DSLContext dsl = open(kind);
    Engine engine = new Engine();
    JooqInteractionStore store = new JooqInteractionStore(dsl, engine.clock(),
        List.of(new io.switchboard.runtime.tickets.TicketHook(new Ids())));
    Interpreter interpreter = new Interpreter(new RuntimeServices(engine.clock(), new Ids(), store), 100);
    return new Fixture(dsl, engine, store, interpreter, engine.compile(FLOW));
  }

  static List<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private DSLContext open(TestDatabases.Kind kind) {
    if (kind.name().equals("MySQL") && !TestDatabases.mysqlReachable()) {
      System.out.println("SKIPPED: MySQL store tests - no MySQL-compatible server on 127.0.0.1:3306");
      Assumptions.abort("no MySQL-compatible server on 127.0.0.1:3306: MySQL store tests skipped");
    }
    dataSource = kind.create().get();
    return Databases.dsl(dataSource);
  }

  @AfterEach
  void close() {
    if (dataSource != null) {
      TestDatabases.dispose(dataSource);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void savesAnInteractionWithItsStepsAndEffectsInOneGoAndReadsItBack(TestDatabases.Kind kind) {
    Fixture f = fixture(kind);
    DSLContext dsl = f.dsl();
    Engine engine = f.engine();
    JooqInteractionStore store = f.store();
    Interaction it = f.started(Map.of("name", "Łucja"));
    it.externalRef("CA-77");
    store.save(it);

    Interaction loaded = store.find(it.id()).orElseThrow();
    assertThat(loaded.status()).isEqualTo(InteractionStatus.waiting);
    assertThat(loaded.waiting()).isEqualTo(new Waiting("w", Waiting.Kind.timer, engine.clock().millis() + 60_000, null, Map.of()));
    assertThat(loaded.variables()).containsEntry("name", "Łucja").containsKey("ticketId");
    assertThat(loaded.revision()).isEqualTo(1);
    List<StepRecord> steps = store.steps(it.id());
    assertThat(steps).extracting(StepRecord::nodeId).containsExactly("t", "c", "x", "m", "w");
    assertThat(steps.get(1).changes()).containsEntry("ticketId", loaded.variables().get("ticketId"));
    assertThat(store.exists((String) loaded.variables().get("ticketId"))).isTrue();
    assertThat(new AlertRepository(dsl).list(true, 10)).singleElement()
        .satisfies(a -> assertThat(a.message()).isEqualTo("Árvíztűrő tükörfúrógép Łucja"));
    assertThat(new OutboxRepository(dsl, engine.clock()).dueIds(10)).hasSize(1);
    assertThat(store.findByExternalRef("CA-77")).contains(it.id());
    assertThat(store.dueWaits(engine.clock().millis(), 10)).isEmpty();
    engine.clock().advanceSeconds(60);
    assertThat(store.dueWaits(engine.clock().millis(), 10)).containsExactly(it.id());

    f.interpreter().resume(f.flow(), loaded, new Resume.TimerFired());
    store.save(loaded);
    assertThat(store.find(it.id()).orElseThrow().outcome()).isEqualTo("done");
    assertThat(store.steps(it.id())).hasSize(7);
  }

  /** A failure the flow goes on from is stored with its code and details, and still readable after a resume. */
  @ParameterizedTest
  @MethodSource("databases")
  void aHandledFailureKeepsItsCodeAcrossSavesAndTheFlowBranchesOnIt(TestDatabases.Kind kind) {
    Fixture f = fixture(kind);
    CompiledFlow flow = f.engine().compile(TinyFlow.of("message", "[]", """
        {"id": "u", "type": "ticket", "config": {"action": "update", "ticket": "C-404", "status": "open"}},
        {"id": "w", "type": "wait", "config": {"seconds": 60}},
        {"id": "b", "type": "branch", "config": {"cases": [{"port": "missing", "when": "interaction.error.code == 'not_found'"}]}},
        {"id": "m", "type": "end", "config": {"outcome": "no case {{ interaction.error.case }}"}},
        {"id": "o", "type": "end", "config": {"outcome": "other"}}""", """
        {"from": "t", "port": "next", "to": "u"}, {"from": "u", "port": "error", "to": "w"}, {"from": "u", "port": "ok", "to": "o"},
        {"from": "w", "port": "next", "to": "b"}, {"from": "b", "port": "missing", "to": "m"}, {"from": "b", "port": "else", "to": "o"}"""));
    Interaction it = new Interaction(new Ids().next(), flow.id(), 1, "message", Map.of("from", "+48"), Map.of(),
        f.engine().clock().millis());
    f.interpreter().start(flow, it);
    f.store().save(it);

    Interaction loaded = f.store().find(it.id()).orElseThrow();
    assertThat(loaded.error()).isEqualTo(new io.switchboard.runtime.failure.Failure(
        io.switchboard.runtime.failure.Failure.Code.not_found, "case 'C-404' does not exist", false, Map.of("case", "C-404")));
    assertThat(f.store().steps(it.id()).get(1).error()).isEqualTo(loaded.error());
    f.engine().clock().advanceSeconds(60);
    f.interpreter().resume(flow, loaded, new Resume.TimerFired());
    f.store().save(loaded);

    assertThat(f.store().find(it.id()).orElseThrow().outcome()).isEqualTo("no case C-404");
    assertThat(f.store().steps(it.id())).extracting(StepRecord::nodeId, StepRecord::port).containsExactly(
        org.assertj.core.groups.Tuple.tuple("t", "next"), org.assertj.core.groups.Tuple.tuple("u", "error"),
        org.assertj.core.groups.Tuple.tuple("w", null), org.assertj.core.groups.Tuple.tuple("w", "next"),
        org.assertj.core.groups.Tuple.tuple("b", "missing"), org.assertj.core.groups.Tuple.tuple("m", null));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aStaleCopyCannotOverwriteANewerSave(TestDatabases.Kind kind) {
    Fixture f = fixture(kind);
    JooqInteractionStore store = f.store();
    Interaction it = f.started(Map.of("name", "A"));
    store.save(it);
    f.engine().clock().advanceSeconds(61);
    Interaction first = store.find(it.id()).orElseThrow();
    Interaction second = store.find(it.id()).orElseThrow();
    f.interpreter().resume(f.flow(), first, new Resume.TimerFired());
    store.save(first);
    f.interpreter().resume(f.flow(), second, new Resume.TimerFired());

    assertThatThrownBy(() -> store.save(second)).isInstanceOf(ConcurrentUpdateException.class);
    assertThat(store.steps(it.id())).hasSize(7);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void outboxMessagesAreClaimedOnceAndRetriedAfterAFailedAttemptOrAnExpiredLease(TestDatabases.Kind kind) {
    Fixture f = fixture(kind);
    Engine engine = f.engine();
    OutboxRepository outbox = new OutboxRepository(f.dsl(), engine.clock());
    Interaction it = f.started(Map.of("name", "A"));
    f.store().save(it);
    String id = outbox.dueIds(10).getFirst();

    OutboxRepository.Message claimed = outbox.claim(id, 30_000).orElseThrow();
    assertThat(claimed.payload()).containsEntry("to", "ann@example.com");
    assertThat(claimed.idempotencyKey()).isEqualTo(it.id() + ":4");
    assertThat(outbox.claim(id, 30_000)).isEmpty();

    outbox.attemptFailed(id, "SMTP down", 5_000L);
    assertThat(outbox.dueIds(10)).isEmpty();
    engine.clock().advanceSeconds(5);
    assertThat(outbox.claim(id, 30_000).orElseThrow().attempts()).isEqualTo(2);
    engine.clock().advanceSeconds(31);
    assertThat(outbox.claim(id, 30_000)).as("a dead dispatcher's lease runs out").isPresent();
    outbox.sent(id);
    assertThat(outbox.dueIds(10)).isEmpty();
    assertThat(outbox.deliveries(it.id())).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo("sent");
      assertThat(d.attempts()).isEqualTo(3);
    });
  }

  @ParameterizedTest
  @MethodSource("databases")
  void draftsAndVersions(TestDatabases.Kind kind) {
    DSLContext dsl = open(kind);
    FlowRepository flows = new FlowRepository(dsl, new Engine().clock());

    flows.saveDraft("f", "Flow", "{}", "[]", 0, "ann", null);
    assertThatThrownBy(() -> flows.saveDraft("f", "Flow", "{}", "[]", 0, "bob", 7)).isInstanceOf(ConcurrentUpdateException.class);
    assertThat(flows.saveDraft("f", "Flow 2", "{\"a\": 1}", "[]", 0, "bob", 1).revision()).isEqualTo(2);
    assertThat(flows.publish("f", "{\"v\": 1}", "first", "bob", "voice", "+48").version()).isEqualTo(1);
    assertThat(flows.publish("f", "{\"v\": 2}", null, "bob", "voice", "+49").version()).isEqualTo(2);
    flows.saveDraft("g", "G", "{}", "[]", 0, "ann", null);

    assertThat(flows.flowForAddress("voice", "+49")).contains("f");
    assertThat(flows.flowForAddress("voice", "+48")).isEmpty();
    assertThatThrownBy(() -> flows.publish("g", "{}", null, "ann", "voice", "+49")).isInstanceOf(AddressTakenException.class);
    assertThat(flows.version("f", 1).orElseThrow().document()).isEqualTo("{\"v\": 1}");
    assertThat(flows.versions("f")).extracting(FlowVersion::version).containsExactly(2, 1);
    assertThat(flows.list()).extracting(FlowDraft::id).containsExactly("f", "g");
  }
}
