package io.switchboard.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.Examples;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExampleFlowsTest {

  static List<Path> examples() throws IOException {
    return Examples.all();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValidAndHasNoWarnings(Path file) throws IOException {
    ValidationResult result = new FlowValidator().validate(Examples.read(file));

    assertThat(result.problems()).as(file.toString()).isEmpty();
    assertThat(result.document()).isPresent();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsStoredCanonicallySoItRoundTripsByteForByte(Path file) throws IOException {
    String text = Examples.read(file);

    FlowDocument document = FlowJson.read(text);

    assertThat(FlowJson.write(document)).isEqualTo(text);
    assertThat(file.getFileName().toString()).isEqualTo(document.id() + ".json");
  }
}
