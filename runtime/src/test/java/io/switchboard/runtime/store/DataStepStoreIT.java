package io.switchboard.runtime.store;

import io.switchboard.runtime.model.AllowEntry;
import io.switchboard.runtime.model.DataStepChange;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.connector.DataStepCatalog;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.connector.OutboundGuard;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.secrets.SecretBox;
import io.switchboard.runtime.service.DataStepService;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The integrators' tables on H2 and on MariaDB: versions, key rotation, the allow-list. */
class DataStepStoreIT {
  static List<TestDatabases.Kind> databases() {
    return StoreIT.databases();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void secretsSealedWithAPreviousKeyAreSealedAgainAtTheNextLoadWithoutANewVersion(TestDatabases.Kind kind) {
    HikariDataSource ds = kind.create().get();
    try {
      DSLContext dsl = io.switchboard.runtime.store.Databases.dsl(ds);
      Clock clock = Clock.systemUTC();
      DataStepRepository steps = new DataStepRepository(dsl, clock);
      FlowRepository flows = new FlowRepository(dsl, clock);
      HttpFetcher http = new HttpFetcher(OutboundGuard.strict());
      String oldKey = SecretBox.newKey();
      String newKey = SecretBox.newKey();
      new DataStepService(steps, flows, SecretBox.fromBase64(oldKey), Engine.sandbox(), http, new DataStepCatalog(), clock)
          .create(FlowJson.readTree("{\"id\": \"crm\", \"name\": \"CRM\", \"url\": \"https://crm.example.com/c\", "
              + "\"auth\": {\"kind\": \"bearer\", \"value\": \"tok-rotate-1\"}}"), "ivy");
      String sealedWithOldKey = steps.find("crm").orElseThrow().sealedSecrets();

      DataStepCatalog catalog = new DataStepCatalog();
      new DataStepService(steps, flows, SecretBox.fromBase64(newKey, List.of(oldKey)), Engine.sandbox(), http, catalog, clock)
          .sync();

      assertThat(catalog.find("crm")).isPresent();
      String sealedNow = steps.find("crm").orElseThrow().sealedSecrets();
      assertThat(sealedNow).isNotEqualTo(sealedWithOldKey);
      assertThat(SecretBox.fromBase64(newKey).open(sealedNow, "crm")).isEqualTo("{\"value\":\"tok-rotate-1\"}");
      assertThat(steps.history("crm")).singleElement().satisfies(c -> assertThat(c.changedBy()).isEqualTo("ivy"));
      assertThat(dsl.fetchCount(io.switchboard.runtime.store.jooq.Tables.DATA_STEP_VERSION)).isEqualTo(1);

      OutboundAllowRepository allow = new OutboundAllowRepository(dsl, clock);
      assertThat(allow.add("10.0.0.0/8", "admin")).isTrue();
      assertThat(allow.add("10.0.0.0/8", "admin")).isFalse();
      assertThat(allow.all()).extracting(AllowEntry::entry).containsExactly("10.0.0.0/8");
      assertThat(allow.remove("10.0.0.0/8")).isTrue();
      assertThat(steps.delete("crm", "ivy")).isTrue();
      assertThat(steps.history("crm")).extracting(DataStepChange::action).containsExactly("deleted", "created");
    } finally {
      TestDatabases.dispose(ds);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theDraftsThatCallAStepAreFoundByFlowNameWhetherPublishedOrNot(TestDatabases.Kind kind) {
    HikariDataSource ds = kind.create().get();
    try {
      draftsThatCallAStep(io.switchboard.runtime.store.Databases.dsl(ds));
    } finally {
      TestDatabases.dispose(ds);
    }
  }

  private static void draftsThatCallAStep(DSLContext dsl) {
    Clock clock = Clock.systemUTC();
    FlowRepository flows = new FlowRepository(dsl, clock);
    DataStepService service = new DataStepService(new DataStepRepository(dsl, clock), flows,
        SecretBox.fromBase64(SecretBox.newKey()), Engine.sandbox(), new HttpFetcher(OutboundGuard.strict()),
        new DataStepCatalog(), clock);
    String calling = "{\"nodes\": [{\"id\": \"fetch1\", \"type\": \"fetch\", \"config\": {\"step\": \"crm-phone\"}}]}";
    String other = "{\"nodes\": [{\"id\": \"fetch1\", \"type\": \"fetch\", \"config\": {\"step\": \"billing\"}}]}";
    flows.saveDraft("support-line", "Support line", calling, "[]", 0, "ana", null);
    flows.saveDraft("after-hours", "After hours", calling, "[]", 0, "ana", null);
    flows.saveDraft("billing-line", "Billing line", other, "[]", 0, "ana", null);
    flows.saveDraft("half-written", "Half written", "{\"nodes\": [", "[]", 1, "ana", null);

    assertThat(service.draftsUsing("crm-phone")).containsExactly(
        new DataStepService.DraftUse("after-hours", "After hours"), new DataStepService.DraftUse("support-line", "Support line"));
    assertThat(service.draftsUsing("billing")).extracting(DataStepService.DraftUse::flowName).containsExactly("Billing line");
    assertThat(service.draftsUsing("nobody-calls-this")).isEmpty();
  }
}
