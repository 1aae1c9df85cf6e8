package io.switchboard.flow.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.flow.Examples;
import io.switchboard.flow.validate.FlowValidator;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlowJsonTest {
  @Test
  void textThatIsNotAFlowDocumentIsRefusedWithAReason() {
    FlowValidator validator = new FlowValidator();
    assertThatThrownBy(() -> validator.validate("{ nope")).isInstanceOf(FlowFormatException.class)
        .hasMessageContaining("not valid JSON").hasMessageContaining("line 1");
    assertThatThrownBy(() -> validator.validate("[1, 2]")).hasMessageContaining("a flow document is a JSON object");
    assertThatThrownBy(() -> validator.validate("{\"id\": \"x\"}")).hasMessageContaining("names its format");
    assertThatThrownBy(() -> validator.validate("{\"format\": \"bpmn/2\"}")).hasMessageContaining("unknown flow format 'bpmn/2'");
  }

  @Test
  void readingAFlowRefusesAFormatItCannotReadNamingIt() {
    assertThatThrownBy(() -> FlowJson.readFlowTree("{\"format\": \"bpmn/2\"}")).isInstanceOf(FlowFormatException.class)
        .hasMessage("unknown flow format 'bpmn/2'; this version reads switchboard.flow/1");
    assertThatThrownBy(() -> FlowJson.read("{\"format\": \"switchboard.flow/2\", \"id\": \"x\"}")).isInstanceOf(FlowFormatException.class)
        .hasMessageContaining("'switchboard.flow/2' is newer than switchboard.flow/1");
    assertThatThrownBy(() -> FlowJson.readFlowTree("\"switchboard.flow/1\"")).isInstanceOf(FlowFormatException.class)
        .hasMessage("a flow document is a JSON object");
  }

  @Test
  void aFlowOfTheCurrentFormatIsReadAsItIs() throws IOException {
    String text = Examples.read(Path.of("examples/support-call.json"));

    assertThat(FlowJson.readFlowTree(text)).isEqualTo(FlowJson.readTree(text));
    assertThat(FlowJson.write(FlowJson.readFlowTree(text))).isEqualTo(FlowJson.write(FlowJson.readTree(text)));
  }

  @Test
  void anyJsonIsParsedAsItIsWithoutAFormat() {
    assertThat(FlowJson.readTree("{\"format\": \"bpmn/2\"}").path("format").asString()).isEqualTo("bpmn/2");
  }
}
