package io.switchboard.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.schema.NodeTypeCatalog;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A node dropped from the palette starts with an empty config: its problems must be true and read
 * as what to do next, naming the node, with none of the schema's own words.
 */
class FreshNodeProblemsTest {
  private static final List<String> JARGON = List.of("required property", "$.", "not both", "must be", "instance",
      "schema", "regex", "enumeration", "found, ", "expected");

  /** A new flow (its trigger, as the designer creates it) with one freshly dropped node of every other type. */
  private static ObjectNode flowWithAFreshNodeOfEveryType() {
    ObjectNode flow = FlowJson.mapper().createObjectNode().put("format", "switchboard.flow/1").put("id", "fresh")
        .put("name", "Fresh");
    ArrayNode nodes = flow.putArray("nodes");
    nodes.addObject().put("id", "trigger").put("type", "trigger").put("label", "Start").putObject("config")
        .put("channel", "voice");
    for (NodeType type : NodeType.values()) {
      if (type != NodeType.TRIGGER) {
        nodes.addObject().put("id", type.id() + "1").put("type", type.id()).putObject("config");
      }
    }
    flow.putArray("edges");
    return flow;
  }

  private static Map<String, List<String>> messagesByNode(ObjectNode flow) {
    return new FlowValidator().validate(flow).problems().stream().filter(p -> p.nodeId() != null)
        .collect(Collectors.groupingBy(Problem::nodeId, Collectors.mapping(Problem::message, Collectors.toList())));
  }

  @Test
  void everyFreshNodeGetsOnlyPlainProblemsThatNameIt() {
    ObjectNode flow = flowWithAFreshNodeOfEveryType();
    List<Problem> problems = new FlowValidator().validate(flow).problems();

    assertThat(problems).isNotEmpty().allSatisfy(p -> {
      assertThat(p.nodeId()).as(p.message()).isNotNull();
      String title = p.nodeId().equals("trigger") ? "Start"
          : NodeTypeCatalog.get().of(NodeType.fromId(p.nodeId().replace("1", "")).orElseThrow()).title();
      assertThat(p.message()).startsWith(title + ": ");
      assertThat(JARGON).noneMatch(word -> p.message().toLowerCase().contains(word.toLowerCase()));
    });
  }

  @Test
  void theSchemaProblemsOfFreshNodesSayWhatToFillIn() {
    Map<String, List<String>> messages = messagesByNode(flowWithAFreshNodeOfEveryType());

    assertThat(messages.get("fetch1")).contains("Fetch variables: choose a data step or write a request");
    assertThat(messages.get("branch1")).contains("Branch: add at least one case");
    assertThat(messages.get("forward1")).contains("Forward: choose where to forward the call");
    assertThat(messages.get("set1")).contains("Set variables: add at least one variable to set");
    assertThat(messages.get("email1")).contains("Send e-mail: fill in “To”", "Send e-mail: fill in “Subject”",
        "Send e-mail: fill in “Body”");
    assertThat(messages.get("ticket1")).contains("Ticket: choose whether to create a case, update one or attach to one")
        .noneMatch(m -> m.contains("Case id"));
    assertThat(messages.get("knowledge1")).noneMatch(m -> m.contains("fill in") || m.contains("choose"));
  }

  @Test
  void aFreshTriggerAsksForItsChannel() {
    ObjectNode flow = flowWithAFreshNodeOfEveryType();
    ((ObjectNode) flow.path("nodes").path(0)).putObject("config");

    assertThat(new FlowValidator().validate(flow).problems()).filteredOn(p -> "trigger".equals(p.nodeId()))
        .extracting(Problem::pointer, Problem::message)
        .contains(org.assertj.core.groups.Tuple.tuple("/nodes/0/config/channel", "Start: choose the channel that starts the flow"));
  }

  @Test
  void aSchemaProblemPointsAtTheFieldItself() {
    ObjectNode flow = flowWithAFreshNodeOfEveryType();
    ObjectNode fetch = (ObjectNode) flow.path("nodes").path(2);
    fetch.put("label", "Check customer tier").putObject("config").putObject("request");

    assertThat(new FlowValidator().validate(flow).problems()).filteredOn(p -> "fetch1".equals(p.nodeId()))
        .extracting(Problem::pointer, Problem::message)
        .contains(org.assertj.core.groups.Tuple.tuple("/nodes/2/config/request/url", "Check customer tier: fill in “Web address”"));
  }

  @Test
  void aProblemNamesTheNodeByLabelThenTypeTitleThenId() {
    assertThat(NodeNames.of(FlowJson.readTree("{\"id\": \"n1\", \"type\": \"branch\", \"label\": \"Route by tier\"}")))
        .isEqualTo("Route by tier");
    assertThat(NodeNames.of(FlowJson.readTree("{\"id\": \"n1\", \"type\": \"branch\", \"label\": \" \"}"))).isEqualTo("Branch");
    assertThat(NodeNames.of(FlowJson.readTree("{\"id\": \"n1\", \"type\": \"teleport\"}"))).isEqualTo("n1");
    assertThat(NodeNames.withoutName("Route by tier: add at least one case", "Route by tier")).isEqualTo("Add at least one case");
  }
}
