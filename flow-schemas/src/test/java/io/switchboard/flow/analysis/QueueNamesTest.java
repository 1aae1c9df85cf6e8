package io.switchboard.flow.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.Examples;
import io.switchboard.flow.json.FlowJson;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QueueNamesTest {
  @Test
  void collectsTheQueuesAFlowNamesButNotSipTargetsOrTemplates() throws IOException {
    assertThat(QueueNames.of(FlowJson.read(Examples.read(Path.of("examples/priority-routing.json"))))).containsExactly("regular");
    assertThat(QueueNames.of(FlowJson.read(Examples.read(Path.of("examples/support-call.json")))))
        .containsExactly("second-line", "support");
    assertThat(QueueNames.of(FlowJson.read(Examples.read(Path.of("examples/self-service.json"))))).isEmpty();
  }
}
