package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.NodeTypeCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every node type has a schema, an executor with its test, an example flow using it and documentation. */
class NodeTypeCompletenessTest {
  @ParameterizedTest
  @EnumSource(NodeType.class)
  void everyNodeTypeIsComplete(NodeType type) throws IOException {
    assertThat(NodeTypeCatalog.get().of(type)).isNotNull();
    String executor = "io.switchboard.runtime.node." + type.id() + "." + capitalized(type) + "Executor";
    assertThat(exists(executor)).as(executor).isTrue();
    assertThat(Path.of("src/test/java/io/switchboard/runtime/node/" + capitalized(type) + "ExecutorTest.java")).exists();
    assertThat(examplesUse(type)).as("an example flow uses " + type.id()).isTrue();
    assertThat(Files.readString(Path.of("../README.md"))).as("README documents " + type.id()).contains("| `" + type.id() + "` |");
  }

  private static boolean examplesUse(NodeType type) throws IOException {
    for (String id : new String[] {"priority-routing", "support-call", "email-case", "self-service", "campaign"}) {
      try (InputStream in = NodeTypeCompletenessTest.class.getClassLoader().getResourceAsStream("examples/" + id + ".json")) {
        if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("\"type\": \"" + type.id() + "\"")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className);
      return NodeExecutor.class.isAssignableFrom(Class.forName(className));
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static String capitalized(NodeType type) {
    return Character.toUpperCase(type.id().charAt(0)) + type.id().substring(1);
  }
}
