package io.switchboard.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.schema.NodeTypeCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The step model agrees with its schema, which is the source of truth for the format. */
class StepDefinitionTest {
  @Test
  void theSecretFieldsAreThoseTheSchemaMarksXSecret() {
    List<String> marked = new ArrayList<>();
    NodeTypeCatalog.get().dataStepSchemaDocument().path("properties").path("auth").path("properties").properties()
        .forEach(e -> {
          if (e.getValue().path("x-secret").asBoolean(false)) {
            marked.add(e.getKey());
          }
        });

    assertThat(StepAuth.Definition.SECRET_FIELDS).containsExactlyInAnyOrderElementsOf(marked);
    Map<String, String> secrets = Map.of("value", "v", "password", "p", "clientSecret", "c");
    StepAuth.Definition auth = StepAuth.Definition.NONE.withSecrets(secrets);
    assertThat(auth.secrets()).isEqualTo(secrets);
    assertThat(FlowJson.compact(auth.withoutSecrets())).isEqualTo("{\"kind\":\"none\"}");
  }

  @Test
  void everyPropertyOfTheSchemaBindsToTheModelAndBack() {
    String full = """
        {"id": "crm", "name": "CRM", "description": "d", "method": "POST", "url": "https://crm.example.com/c",
         "query": {"a": "{{ input.x }}"}, "headers": {"X-H": "1"}, "body": "{}",
         "inputs": [{"name": "x", "type": "number", "required": true, "example": "1", "description": "an x"}],
         "outputs": [{"variable": "y", "type": "string", "path": "$.y", "description": "a y"}],
         "timeoutMs": 100, "retry": {"maxAttempts": 2, "backoffMs": 5}, "breaker": {"window": 4, "openMs": 1000},
         "maxResponseBytes": 99,
         "auth": {"kind": "oauth2", "tokenUrl": "https://auth.example.com/t", "clientId": "c", "clientSecret": "s", "scope": "r"}}""";

    StepDefinition step = FlowJson.mapper().readValue(full, StepDefinition.class);

    assertThat(FlowJson.mapper().readTree(FlowJson.compact(step))).isEqualTo(FlowJson.readTree(full));
  }
}
