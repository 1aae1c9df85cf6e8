package io.switchboard.flow.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.Examples;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VariableScopeTest {
  @Test
  void onlyWhatNodesUpstreamSetAndDeclaredDefaultsAreAvailable() throws IOException {
    FlowDocument flow = FlowJson.read(Examples.read(Path.of("examples/support-call.json")));

    assertThat(VariableScope.availableAt(flow, "lookup")).containsExactly("contractActive", "urgency");
    assertThat(VariableScope.availableAt(flow, "troubleshoot"))
        .containsExactlyInAnyOrder("customerName", "customerEmail", "contractActive", "problem", "urgency");
    assertThat(VariableScope.availableAt(flow, "case-update")).contains("ticketId", "problem");
    assertThat(VariableScope.availableAt(flow, "send-fix")).doesNotContain("ticketId");
  }
}
