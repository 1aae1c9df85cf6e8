package io.switchboard.designer.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.model.FlowDraft;
import io.switchboard.runtime.model.FlowVersion;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FlowSummariesTest {
  private static final String VOICE = "{\"nodes\": [{\"id\": \"t\", \"type\": \"trigger\", "
      + "\"config\": {\"channel\": \"voice\", \"address\": \"+48221234567\"}}]}";

  @Test
  void theTriggerReadsAsChannelAndAddressWithANumberInItsGroups() {
    assertThat(FlowSummaries.trigger(VOICE)).isEqualTo("Voice · +48 22 123 45 67");
    assertThat(FlowSummaries.trigger("{\"nodes\": [{\"type\": \"trigger\", \"config\": {\"channel\": \"email\", "
        + "\"address\": \"support@example.com\"}}]}")).isEqualTo("E-mail · support@example.com");
    assertThat(FlowSummaries.trigger("{\"nodes\": [{\"type\": \"trigger\", \"config\": {\"channel\": \"voice\"}}]}"))
        .isEqualTo("Voice · no address yet");
    assertThat(FlowSummaries.trigger("{\"nodes\": []}")).isEqualTo("No trigger yet");
    assertThat(FlowSummaries.trigger("not json")).isEqualTo("No trigger yet");
  }

  @Test
  void theStateSaysWhetherTheDraftMovedOnSincePublishing() {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    long fiveMinutesAgo = now.minusSeconds(300).toEpochMilli();
    FlowDraft draft = new FlowDraft("f", "F", VOICE, "[]", 1, 3, 2, fiveMinutesAgo, "ana");
    FlowSummaries.Summary same = new FlowSummaries.Summary(draft, "", new FlowVersion("f", 2, VOICE, null,
        now.minusSeconds(7200).toEpochMilli(), "ana"), false, 1);
    assertThat(same.state()).isEqualTo("Published v2");
    assertThat(same.errors()).isEqualTo("1 error");
    assertThat(same.lastPublished(now)).isEqualTo("v2 · 2 h ago");
    assertThat(same.lastChange(now, Function.identity())).isEqualTo("5 min ago by ana");
    FlowSummaries.Summary moved = new FlowSummaries.Summary(draft, "", new FlowVersion("f", 2, "{}", null, 0, "ana"), true, 1);
    assertThat(moved.state()).isEqualTo("Published v2, draft changed");
    FlowSummaries.Summary never = new FlowSummaries.Summary(new FlowDraft("f", "F", VOICE, "[]", 0, 1, null,
        fiveMinutesAgo, null), "", null, false, 0);
    assertThat(never.state()).isEqualTo("Draft");
    assertThat(never.errors()).isEqualTo("No errors");
    assertThat(never.lastPublished(now)).isEqualTo("Never");
    assertThat(never.lastChange(now, Function.identity())).isEqualTo("5 min ago");
  }

  @Test
  void eachReferenceFlowIsATemplateAndItsCopyTakesTheNewIdAndName() {
    assertThat(FlowTemplates.all()).extracting(FlowTemplates.Template::name).containsExactly("Priority routing",
        "Support call", "Self-service first", "Email case", "Renewal campaign");
    assertThat(FlowTemplates.all()).allSatisfy(t -> assertThat(t.description()).isNotBlank());
    var copy = io.switchboard.flow.json.FlowJson.readTree(FlowTemplates.copy("campaign", "my-campaign", "My campaign"));
    assertThat(copy.path("id").asString()).isEqualTo("my-campaign");
    assertThat(copy.path("name").asString()).isEqualTo("My campaign");
    assertThat(copy.path("nodes").size()).isGreaterThan(3);
  }
}
