package io.switchboard.runtime.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.flow.validate.FlowValidator;
import io.switchboard.flow.validate.Problem;
import io.switchboard.runtime.connector.DataStepCatalog;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.connector.OutboundGuard;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.FlowCompiler;
import io.switchboard.runtime.store.Databases;
import io.switchboard.runtime.store.FlowRepository;
import io.switchboard.runtime.store.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A trigger address that another published flow answers shows in the draft's problems before
 * anyone presses Publish, naming that flow by its name; publishing is refused with the same words.
 * On H2 and on MySQL (MariaDB on CI's machine), like the store tests.
 */
class FlowServiceAddressIT {
  private HikariDataSource dataSource;

  private static String flow(String id, String name, String number) {
    return """
        {"format": "switchboard.flow/1", "id": "%s", "name": "%s",
         "nodes": [{"id": "t", "type": "trigger", "label": "Incoming call", "config": {"channel": "voice", "address": "%s"}},
                   {"id": "e", "type": "end", "config": {"outcome": "done"}}],
         "edges": [{"from": "t", "port": "next", "to": "e"}]}
        """.formatted(id, name, number);
  }

  static List<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private FlowService service(TestDatabases.Kind kind) {
    if (kind.name().equals("MySQL") && !TestDatabases.mysqlReachable()) {
      Assumptions.abort("no MySQL-compatible server on 127.0.0.1:3306: MySQL store tests skipped");
    }
    dataSource = kind.create().get();
    FlowRepository flows = new FlowRepository(Databases.dsl(dataSource), new Engine().clock());
    return new FlowService(flows, new FlowValidator(Engine.sandbox()),
        new FlowCompiler(Engine.sandbox(), new DataStepCatalog(), new HttpFetcher(OutboundGuard.allowing("127.0.0.1"))));
  }

  @AfterEach
  void close() {
    if (dataSource != null) {
      TestDatabases.dispose(dataSource);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aNumberAnotherPublishedFlowAnswersIsAProblemBeforePublishNamingThatFlow(TestDatabases.Kind kind) {
    FlowService flows = service(kind);
    flows.saveDraft("support", flow("support", "Support line", "+4822100200"), "ann", null);
    flows.publish("support", null, "ann");

    FlowService.DraftView copy = flows.saveDraft("sales", flow("sales", "Sales line", "+4822100200"), "bob", null);

    String sentence = "Incoming call: the number +4822100200 already starts “Support line”; choose another number, "
        + "or give “Support line” another one and publish it first.";
    assertThat(copy.problems()).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(Problem.Severity.error);
      assertThat(p.pointer()).isEqualTo("/nodes/0/config/address");
      assertThat(p.nodeId()).isEqualTo("t");
      assertThat(p.message()).isEqualTo(sentence);
    });
    assertThat(flows.draft("sales").problems()).extracting(Problem::message).containsExactly(sentence);
    assertThat(flows.draft("support").problems()).as("the flow that owns the number has no problem with it").isEmpty();
    assertThatThrownBy(() -> flows.publish("sales", null, "bob")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("already starts “Support line”");

    FlowService.DraftView moved = flows.saveDraft("sales", flow("sales", "Sales line", "+4822100300"), "bob",
        copy.revision());
    assertThat(moved.problems()).isEmpty();
    assertThat(flows.publish("sales", null, "bob").version()).isEqualTo(1);
  }
}
