package io.switchboard.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.json.FlowJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;

/**
 * Each fixture {@code invalid/<name>.json} comes with {@code invalid/<name>.problems.json}: the exact
 * problems the validator must report, in order.
 */
class InvalidFlowsTest {
  private static final Path FOLDER = Path.of("src/test/resources/invalid");

  static List<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".problems.json")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void reportsExactlyTheExpectedProblems(Path fixture) throws IOException {
    Path expectedFile = Path.of(fixture.toString().replace(".json", ".problems.json"));
    List<Problem> expected = FlowJson.mapper().readValue(Files.readString(expectedFile), new TypeReference<List<Problem>>() {});

    ValidationResult result = new FlowValidator().validate(Files.readString(fixture));

    assertThat(result.problems()).containsExactlyElementsOf(expected);
    assertThat(result.hasErrors()).isTrue();
  }
}
