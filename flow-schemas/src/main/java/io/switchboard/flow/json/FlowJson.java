package io.switchboard.flow.json;

import io.switchboard.flow.migrate.FlowMigrations;
import io.switchboard.flow.migrate.MigrationOutcome;
import io.switchboard.flow.model.FlowDocument;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes flow documents. Writing is canonical: fields in schema order, map keys and
 * config keys sorted, two-space indent, one value per line, a final newline, so that a flow diffs
 * well in git and a read-write round trip is byte for byte.
 *
 * <p>Reading a flow document ({@link #readFlowTree}, {@link #read}) brings an older format to the
 * current one through {@link FlowMigrations}; {@link #readTree} parses any JSON as it is.
 */
public final class FlowJson {
  private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance()
          .withObjectNameValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
      .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
      .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .defaultPrettyPrinter(PRINTER)
      .build();

  private FlowJson() {}

  /** The mapper every part of the flow format uses; safe to share. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses text into a JSON tree, any JSON, not only flows; the message of a failure says where the
   * text is broken. Flow documents are read with {@link #readFlowTree}.
   */
  public static JsonNode readTree(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw new FlowFormatException("not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : ""));
    }
  }

  /**
   * Parses the text of a flow document (a stored draft or published version, or API input) and
   * brings it to the current format. The text itself is not changed: stored flows keep the text
   * they were saved with and are migrated each time they are read.
   *
   * @throws FlowFormatException when the text is not JSON, not an object, or names a format that
   *     is unknown or newer than this version reads
   */
  public static JsonNode readFlowTree(String text) {
    return toCurrentFormat(readTree(text));
  }

  /**
   * A parsed flow document in the current format: the tree itself when it is current, else a
   * migrated copy.
   *
   * @throws FlowFormatException when the tree is not an object or names a format that is unknown
   *     or newer than this version reads
   */
  public static JsonNode toCurrentFormat(JsonNode tree) {
    return switch (FlowMigrations.standard().toCurrent(tree)) {
      case MigrationOutcome.Migrated migrated -> migrated.flow();
      case MigrationOutcome.Refused refused -> throw new FlowFormatException(refused.reason());
    };
  }

  /**
   * A draft as its editor shows it: in the current format when its format is one this version
   * reads, else as it was written (a draft may be saved before it is a valid flow; its problems say
   * what is wrong).
   *
   * @throws FlowFormatException when the text is not JSON
   */
  public static JsonNode readDraftTree(String text) {
    JsonNode tree = readTree(text);
    return FlowMigrations.standard().toCurrent(tree) instanceof MigrationOutcome.Migrated migrated ? migrated.flow() : tree;
  }

  /** Binds a tree that passed the flow schema to the model. */
  public static FlowDocument toDocument(JsonNode tree) {
    try {
      return MAPPER.treeToValue(tree, FlowDocument.class);
    } catch (JacksonException e) {
      throw new FlowFormatException("not a flow document: " + e.getOriginalMessage());
    }
  }

  /** Reads a flow document in any format this version reads, migrated to the current one, into the model. */
  public static FlowDocument read(String text) {
    return toDocument(readFlowTree(text));
  }

  /** The canonical text of a flow document. */
  public static String write(FlowDocument document) {
    return MAPPER.writer().withDefaultPrettyPrinter().writeValueAsString(document) + "\n";
  }

  /** The canonical text of any JSON tree (used for stored drafts that may not bind yet). */
  public static String write(JsonNode tree) {
    return MAPPER.writer().withDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
  }

  /** Compact JSON, for storage and the wire. */
  public static String compact(Object value) {
    return MAPPER.writeValueAsString(value);
  }
}
