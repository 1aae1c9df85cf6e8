package io.switchboard.runtime.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.TinyFlow;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.store.TestDatabases;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Call lists on H2 and MySQL: import, distribution to the queue's free agents, outcomes, retries and call-backs. */
class CallListIT {
  static final String CAMPAIGN = TinyFlow.of("call-list", "[{\"name\": \"tier\", \"type\": \"string\"}]", """
      {"id": "s", "type": "script", "config": {"prompt": "Hello {{ trigger.name }} ({{ tier }})",
        "answers": [{"port": "done", "label": "Done"}]}},
      {"id": "e", "type": "end", "config": {"outcome": "called"}}""", """
      {"from": "t", "port": "next", "to": "s"}, {"from": "s", "port": "done", "to": "e"}""")
      .replace("\"id\": \"tiny\"", "\"id\": \"campaign\"");

  private HikariDataSource dataSource;

  static List<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private DeskRig rig(TestDatabases.Kind kind) {
    if (kind.name().equals("MySQL") && !TestDatabases.mysqlReachable()) {
      Assumptions.abort("no MySQL-compatible server on 127.0.0.1:3306: MySQL call-list tests skipped");
    }
    dataSource = kind.create().get();
    Engine engine = new Engine();
    Map<String, CompiledFlow> flows = new HashMap<>(DeskIT.flows(engine));
    flows.put("campaign", engine.compile(CAMPAIGN));
    return new DeskRig(dataSource, engine.clock(), flows);
  }

  @AfterEach
  void dispose() {
    if (dataSource != null) {
      TestDatabases.dispose(dataSource);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void freeAgentsPreviewTheNextContactsAndOutcomesDecideWhatComesNext(TestDatabases.Kind kind) {
    DeskRig rig = rig(kind);
    rig.queue("sales", 3600, 0, List.of("ann", "bob"));
    assertThatThrownBy(() -> rig.callLists.put("renewals", "Renewals", "tiny", "sales", 2, 30))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("call-list entry");
    rig.callLists.put("renewals", "Renewals 2026", "campaign", "sales", 2, 30);
    assertThat(rig.callLists.importCsv("renewals", "number,name,tier\n+48225550100,Anna,gold\nbad,Bob,\n").problems())
        .extracting(CallListCsv.Problem::line).containsExactly(3);
    assertThat(rig.callLists.get("renewals").progress()).containsEntry("pending", 0);
    assertThat(rig.callLists.importCsv("renewals", """
        number,name,tier
        +48225550100,Anna,gold
        +48225550101,Bob,silver
        +48225550102,Cid,bronze
        """).imported()).isEqualTo(3);

    rig.available("ann");
    rig.advance(Duration.ofSeconds(1));
    rig.available("bob");
    rig.offering.round();
    assertThat(rig.desk.offers("ann")).as("paused: nothing offered").isEmpty();
    rig.callLists.activate("renewals", true);
    rig.offering.round();
    Offer toAnn = rig.desk.offers("ann").getFirst();
    Offer toBob = rig.desk.offers("bob").getFirst();
    assertThat(toAnn.caller()).isEqualTo("+48225550100");
    assertThat(toBob.caller()).isEqualTo("+48225550101");
    assertThat(rig.callLists.get("renewals").progress()).containsEntry("dialling", 2).containsEntry("pending", 1);
    Interaction preview = rig.interactions.get(toAnn.interactionId());
    assertThat(preview.waiting().details()).as("the agent previews the script").containsEntry("prompt", "Hello Anna (gold)");

    rig.desk.accept(toAnn.id(), "ann");
    long inAnHour = rig.clock.millis() + 3_600_000;
    CallListEntry later = rig.callLists.outcome(toAnn.interactionId(), "ann", "call_back", inAnHour);
    assertThat(later.status()).isEqualTo("pending");
    assertThat(later.preferredAgent()).isEqualTo("ann");
    rig.desk.end(toAnn.interactionId(), "ann");
    rig.desk.accept(toBob.id(), "bob");
    rig.callLists.outcome(toBob.interactionId(), "bob", "no_answer", null);
    rig.desk.end(toBob.interactionId(), "bob");

    rig.offering.round();
    Offer cid = rig.desk.offers("ann").isEmpty() ? rig.desk.offers("bob").getFirst() : rig.desk.offers("ann").getFirst();
    assertThat(cid.caller()).isEqualTo("+48225550102");
    rig.desk.accept(cid.id(), cid.username());
    rig.callLists.outcome(cid.interactionId(), cid.username(), "wrong_number", null);
    rig.desk.end(cid.interactionId(), cid.username());

    rig.advance(Duration.ofMinutes(30));
    rig.desk.seen("ann"); // their workspaces kept answering meanwhile
    rig.desk.seen("bob");
    rig.offering.round();
    Offer again = rig.desk.offers("ann").isEmpty() ? rig.desk.offers("bob").getFirst() : rig.desk.offers("ann").getFirst();
    assertThat(again.caller()).as("no answer: tried again after 30 minutes").isEqualTo("+48225550101");
    rig.desk.accept(again.id(), again.username());
    assertThat(rig.callLists.outcome(again.interactionId(), again.username(), "busy", null).status())
        .as("second attempt of two: given up").isEqualTo("failed");
    rig.desk.end(again.interactionId(), again.username());

    rig.advance(Duration.ofMinutes(30));
    rig.desk.seen("ann"); // their workspaces kept answering meanwhile
    rig.desk.seen("bob");
    rig.offering.round();
    assertThat(rig.desk.offers("bob")).as("the call back goes to the same agent").isEmpty();
    Offer callBack = rig.desk.offers("ann").getFirst();
    assertThat(callBack.caller()).isEqualTo("+48225550100");
    rig.desk.accept(callBack.id(), "ann");
    rig.callLists.outcome(callBack.interactionId(), "ann", "reached", null);
    assertThat(rig.callLists.get("renewals").progress()).containsEntry("done", 2).containsEntry("failed", 1)
        .containsEntry("pending", 0);
    assertThat(rig.callLists.entries("renewals", 10)).extracting(CallListEntry::attempts).containsExactly(2, 2, 1);
  }
}
