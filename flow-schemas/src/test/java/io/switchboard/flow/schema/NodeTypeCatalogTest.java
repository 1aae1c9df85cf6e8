package io.switchboard.flow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.NodeType;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NodeTypeCatalogTest {
  @ParameterizedTest
  @EnumSource(NodeType.class)
  void everyNodeTypeHasASchemaWithTitleHelpPaletteAndPorts(NodeType type) {
    NodeTypeSchema schema = NodeTypeCatalog.get().of(type);
    assertThat(schema.title()).isNotBlank();
    assertThat(schema.help()).isNotBlank();
    assertThat(schema.palette().path("icon").asString()).isNotBlank();
    assertThat(schema.document().path("x-ports").isObject()).isTrue();
    assertThat(schema.document().path("$id").asString()).endsWith("/nodes/" + type.id() + ".schema.json");
  }

  @Test
  void portsFollowTheConfigWhereTheSchemaSaysSo() {
    var branch = FlowJson.readTree("{\"cases\": [{\"port\": \"vip\", \"when\": \"x\"}, {\"port\": \"gold\", \"when\": \"y\"}]}");
    assertThat(NodeTypeCatalog.get().of(NodeType.BRANCH).ports(branch)).containsExactly("vip", "gold", "else");
    var script = FlowJson.readTree("{\"prompt\": \"p\", \"answers\": [{\"port\": \"yes\", \"label\": \"Yes\"}]}");
    assertThat(NodeTypeCatalog.get().of(NodeType.SCRIPT).ports(script)).containsExactly("yes");
    assertThat(NodeTypeCatalog.get().of(NodeType.END).ports(null)).isEmpty();
  }

  @Test
  void onlyRouteScriptAndWaitStopTheInterpreter() {
    EnumSet<NodeType> waiting = EnumSet.noneOf(NodeType.class);
    NodeTypeCatalog.get().all().forEach((type, schema) -> {
      if (schema.waits()) {
        waiting.add(type);
      }
    });
    assertThat(waiting).containsExactly(NodeType.ROUTE, NodeType.SCRIPT, NodeType.WAIT);
  }

  @Test
  void theConversationStepsNeitherWaitNorNeedTheirErrorPortConnected() {
    assertThat(NodeTypeCatalog.get().of(NodeType.KNOWLEDGE).ports(null)).containsExactly("found", "not-found", "error");
    assertThat(NodeTypeCatalog.get().of(NodeType.REPLY).ports(null)).containsExactly("next", "error");
    assertThat(NodeTypeCatalog.get().of(NodeType.KNOWLEDGE).waits()).isFalse();
    assertThat(NodeTypeCatalog.get().of(NodeType.REPLY).waits()).isFalse();
  }
}
