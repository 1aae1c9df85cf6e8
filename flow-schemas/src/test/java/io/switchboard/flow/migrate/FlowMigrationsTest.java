package io.switchboard.flow.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class FlowMigrationsTest {
  /** A step that only renames the format and notes in {@code steps} that it ran. */
  private record Step(String from, String to) implements FlowMigration {
    @Override
    public ObjectNode migrate(ObjectNode flow) {
      ObjectNode next = flow.deepCopy();
      next.put("format", to);
      next.withArray("steps").add(from + " -> " + to);
      return next;
    }
  }

  private static JsonNode flow(String format) {
    return FlowJson.readTree("{\"format\": \"" + format + "\", \"id\": \"f\"}");
  }

  private static ObjectNode migrated(MigrationOutcome outcome) {
    assertThat(outcome).isInstanceOf(MigrationOutcome.Migrated.class);
    return ((MigrationOutcome.Migrated) outcome).flow();
  }

  private static String refusal(MigrationOutcome outcome) {
    assertThat(outcome).isInstanceOf(MigrationOutcome.Refused.class);
    return ((MigrationOutcome.Refused) outcome).reason();
  }

  @Test
  void anOlderFormatIsMigratedStepByStepWhateverTheOrderOfRegistration() {
    FlowMigrations registry = FlowMigrations.of("a/4", List.of(new Step("a/3", "a/4"), new Step("a/1", "a/2"), new Step("a/2", "a/3")));

    ObjectNode flow = migrated(registry.toCurrent(flow("a/1")));

    assertThat(flow.path("format").asString()).isEqualTo("a/4");
    assertThat(flow.path("steps").values().stream().map(JsonNode::asString).toList())
        .containsExactly("a/1 -> a/2", "a/2 -> a/3", "a/3 -> a/4");
    assertThat(migrated(registry.toCurrent(flow("a/3"))).path("steps")).hasSize(1);
  }

  @Test
  void aFlowOfTheCurrentFormatIsTheSameTreeUntouched() {
    JsonNode current = flow("a/2");

    assertThat(migrated(FlowMigrations.of("a/2", List.of(new Step("a/1", "a/2"))).toCurrent(current))).isSameAs(current);
  }

  @Test
  void migratingLeavesTheGivenTreeAsItIs() {
    JsonNode old = flow("a/1");

    FlowMigrations.of("a/2", List.of(new Step("a/1", "a/2"))).toCurrent(old);

    assertThat(old).isEqualTo(flow("a/1"));
  }

  @Test
  void anUnknownFormatIsRefusedNamingItAndWhatThisVersionReads() {
    FlowMigrations registry = FlowMigrations.of("a/3", List.of(new Step("a/1", "a/2"), new Step("a/2", "a/3")));

    assertThat(refusal(registry.toCurrent(flow("bpmn/2"))))
        .isEqualTo("unknown flow format 'bpmn/2'; this version reads a/3 and migrates a/1, a/2");
    assertThat(refusal(registry.toCurrent(flow("a/0")))).startsWith("unknown flow format 'a/0'");
  }

  @Test
  void aNewerFormatIsRefusedAsNewer() {
    assertThat(refusal(FlowMigrations.standard().toCurrent(flow("switchboard.flow/2"))))
        .isEqualTo("the flow format 'switchboard.flow/2' is newer than switchboard.flow/1, the newest this version of Switchboard reads");
  }

  @Test
  void aTreeThatIsNotAnObjectOrNamesNoFormatIsRefused() {
    assertThat(refusal(FlowMigrations.standard().toCurrent(FlowJson.readTree("[1]")))).isEqualTo("a flow document is a JSON object");
    assertThat(refusal(FlowMigrations.standard().toCurrent(FlowJson.readTree("{\"format\": 1}")))).contains("names its format");
  }

  @Test
  void theStandardRegistryEndsAtTheCurrentFormat() {
    assertThat(FlowMigrations.standard().current()).isEqualTo(FlowDocument.CURRENT_FORMAT);
  }

  @Test
  void twoStepsFromOneFormatAreRefusedAtRegistration() {
    assertThatThrownBy(() -> FlowMigrations.of("a/3", List.of(new Step("a/1", "a/2"), new Step("a/2", "a/3"), new Step("a/1", "a/3"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two migrations start at a/1");
  }

  @Test
  void aChainThatStopsShortOfTheCurrentFormatIsRefusedAtRegistration() {
    assertThatThrownBy(() -> FlowMigrations.of("a/4", List.of(new Step("a/1", "a/2"), new Step("a/3", "a/4"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no migration from a/2, so a/1 -> a/2 stops short of a/4");
  }

  @Test
  void aChainThatLoopsIsRefusedAtRegistration() {
    assertThatThrownBy(() -> FlowMigrations.of("a/9", List.of(new Step("a/1", "a/2"), new Step("a/2", "a/1"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the migrations loop: a/1 -> a/2 -> a/1");
    assertThatThrownBy(() -> FlowMigrations.of("a/9", List.of(new Step("a/1", "a/1"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loop");
  }

  @Test
  void aStepFromTheCurrentFormatIsRefusedAtRegistration() {
    assertThatThrownBy(() -> FlowMigrations.of("a/2", List.of(new Step("a/1", "a/2"), new Step("a/2", "a/1"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts at the current format a/2");
  }

  @Test
  void aStepThatWritesAnotherFormatThanItSaysIsABug() {
    FlowMigration wrong = new FlowMigration() {
      @Override
      public String from() {
        return "a/1";
      }

      @Override
      public String to() {
        return "a/2";
      }

      @Override
      public ObjectNode migrate(ObjectNode flow) {
        return flow.deepCopy();
      }
    };

    assertThatThrownBy(() -> FlowMigrations.of("a/2", List.of(wrong)).toCurrent(flow("a/1")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("wrote the format 'a/1'");
  }
}
