package io.switchboard.flow.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.validate.FlowValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every migration, real or example, against its golden fixture
 * {@code migrations/<from format, '/' as '-'>/before.json} and {@code after.json}.
 */
class MigrationFixturesTest {
  private static final Path FOLDER = Path.of("src/test/resources/migrations");

  static Stream<FlowMigration> migrations() {
    return Stream.of(FlowMigrations.standard(), ExampleChain.registry()).flatMap(r -> r.migrations().stream());
  }

  @ParameterizedTest
  @MethodSource("migrations")
  void migratingBeforeGivesExactlyAfterInCanonicalJson(FlowMigration migration) throws IOException {
    ObjectNode before = (ObjectNode) FlowJson.readTree(fixture(migration, "before.json"));

    ObjectNode after = migration.migrate(before);

    assertThat(FlowJson.write(after)).isEqualTo(fixture(migration, "after.json"));
  }

  @ParameterizedTest
  @MethodSource("migrations")
  void aMigrationLeavesItsArgumentAsItIs(FlowMigration migration) throws IOException {
    String text = fixture(migration, "before.json");
    ObjectNode before = (ObjectNode) FlowJson.readTree(text);

    migration.migrate(before);

    assertThat(before).isEqualTo(FlowJson.readTree(text));
  }

  @ParameterizedTest
  @MethodSource("migrations")
  void theFixturesAreCanonicalAndNameTheFormatsOfTheStep(FlowMigration migration) throws IOException {
    for (String name : List.of("before.json", "after.json")) {
      String text = fixture(migration, name);
      assertThat(FlowJson.write(FlowJson.readTree(text))).as(name).isEqualTo(text);
    }
    assertThat(FlowJson.readTree(fixture(migration, "before.json")).path("format").asString()).isEqualTo(migration.from());
    assertThat(FlowJson.readTree(fixture(migration, "after.json")).path("format").asString()).isEqualTo(migration.to());
  }

  @Test
  void theExampleChainTakesTheFirstBeforeToTheLastAfterStepByStep() throws IOException {
    FlowMigrations chain = ExampleChain.registry();
    FlowMigration first = chain.migrations().stream().filter(m -> m.from().equals("example.flow/1")).findFirst().orElseThrow();
    FlowMigration second = chain.migrations().stream().filter(m -> m.from().equals("example.flow/2")).findFirst().orElseThrow();
    assertThat(fixture(first, "after.json")).isEqualTo(fixture(second, "before.json"));
    String last = fixture(second, "after.json");

    var outcome = chain.toCurrent(FlowJson.readTree(fixture(first, "before.json")));

    assertThat(outcome).isInstanceOfSatisfying(MigrationOutcome.Migrated.class,
        migrated -> assertThat(FlowJson.write(migrated.flow())).isEqualTo(last));
  }

  @Test
  void theLastExampleIsAValidFlowOnceItNamesTheRealFormat() throws IOException {
    FlowMigration last = ExampleChain.registry().migrations().stream()
        .filter(m -> m.to().equals(ExampleChain.CURRENT)).findFirst().orElseThrow();
    ObjectNode flow = (ObjectNode) FlowJson.readTree(fixture(last, "after.json"));
    flow.put("format", io.switchboard.flow.model.FlowDocument.CURRENT_FORMAT);

    assertThat(new FlowValidator().validate((JsonNode) flow).errors()).isEmpty();
  }

  private static String fixture(FlowMigration migration, String name) throws IOException {
    return Files.readString(FOLDER.resolve(migration.from().replace('/', '-')).resolve(name), StandardCharsets.UTF_8);
  }
}
