package io.switchboard.flow.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.NodeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas of the flow format, loaded once from the classpath: the flow document's schema
 * and one schema per node type. Everything that needs to know a node type's config or ports asks
 * here, so the schema files stay the one source of truth.
 */
public final class NodeTypeCatalog {
  public static final String FLOW_SCHEMA = "schemas/flow.schema.json";
  public static final String DATA_STEP_SCHEMA = "schemas/data-step.schema.json";

  /**
   * Keywords of our own: palette hints, ports, waiting, field kinds, form widgets, messages, value
   * suggestions, and {@code x-enumLabels}, a map from each value of a field's {@code enum} to the
   * words a form shows for it ({@code {"sip": "SIP address"}}).
   */
  public static final List<String> EXTENSIONS = List.of(
      "x-palette", "x-ports", "x-waits", "x-kind", "x-keys", "x-widget", "x-oneOf-message", "x-suggest", "x-secret",
      "x-with", "x-enumLabels");

  private static final NodeTypeCatalog INSTANCE = load();

  private final Schema flowSchema;
  private final JsonNode flowSchemaDocument;
  private final Map<NodeType, NodeTypeSchema> nodeTypes;
  private final Schema dataStepSchema;
  private final JsonNode dataStepSchemaDocument;

  private NodeTypeCatalog(Schema flowSchema, JsonNode flowSchemaDocument, Map<NodeType, NodeTypeSchema> nodeTypes,
      Schema dataStepSchema, JsonNode dataStepSchemaDocument) {
    this.flowSchema = flowSchema;
    this.flowSchemaDocument = flowSchemaDocument;
    this.nodeTypes = nodeTypes;
    this.dataStepSchema = dataStepSchema;
    this.dataStepSchemaDocument = dataStepSchemaDocument;
  }

  public static NodeTypeCatalog get() {
    return INSTANCE;
  }

  public static String resourceOf(NodeType type) {
    return "schemas/nodes/" + type.id() + ".schema.json";
  }

  private static NodeTypeCatalog load() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect());
    JsonNode flowDocument = read(FLOW_SCHEMA);
    Map<NodeType, NodeTypeSchema> types = new EnumMap<>(NodeType.class);
    for (NodeType type : NodeType.values()) {
      JsonNode document = read(resourceOf(type));
      types.put(type, new NodeTypeSchema(type, document, registry.getSchema(document)));
    }
    JsonNode dataStepDocument = read(DATA_STEP_SCHEMA);
    return new NodeTypeCatalog(registry.getSchema(flowDocument), flowDocument, types, registry.getSchema(dataStepDocument),
        dataStepDocument);
  }

  /** JSON Schema 2020-12 plus the annotations our schemas carry for editors and the runtime. */
  private static Dialect dialect() {
    return Dialect.builder(Dialects.getDraft202012())
        .keywords(EXTENSIONS.stream().map(AnnotationKeyword::new).toList())
        .build();
  }

  private static JsonNode read(String resource) {
    try (InputStream in = NodeTypeCatalog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + resource);
      }
      return FlowJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public NodeTypeSchema of(NodeType type) {
    return nodeTypes.get(type);
  }

  public Schema flowSchema() {
    return flowSchema;
  }

  public JsonNode flowSchemaDocument() {
    return flowSchemaDocument;
  }

  /** How many nodes a flow may have: the {@code maxItems} of {@code nodes} in the flow schema. */
  public int maxNodes() {
    return flowSchemaDocument.path("properties").path("nodes").path("maxItems").asInt();
  }

  /** The schema of a data step definition, which integrators register and fetch nodes name. */
  public Schema dataStepSchema() {
    return dataStepSchema;
  }

  public JsonNode dataStepSchemaDocument() {
    return dataStepSchemaDocument;
  }

  public Map<NodeType, NodeTypeSchema> all() {
    return Map.copyOf(nodeTypes);
  }
}
