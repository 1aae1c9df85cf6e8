package io.switchboard.flow.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.flow.validate.FlowValidator;
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
}
