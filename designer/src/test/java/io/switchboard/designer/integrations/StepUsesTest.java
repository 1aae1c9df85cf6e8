package io.switchboard.designer.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.connector.StepDefinition;
import io.switchboard.runtime.service.DataStepService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentence naming the flows that call a step, as the list, the editor and the delete dialog show it. */
class StepUsesTest {
  private static DataStepService.StepView step(List<DataStepService.FlowUse> published) {
    StepDefinition definition = new StepDefinition("crm", "CRM", null, "GET", "https://crm.example.com", null, null, null,
        List.of(), List.of(), null, null, null, null, null);
    return new DataStepService.StepView(definition, 1, List.of(), 0, "ana", 0, "ana", published);
  }

  @Test
  void draftsAndPublishedFlowsAreNamedInOneSentence() {
    StepUses uses = StepUses.of(step(List.of(new DataStepService.FlowUse("priority", "Priority routing", 3))),
        List.of(new DataStepService.DraftUse("support", "Support line")));
    assertThat(uses.sentence())
        .isEqualTo("Used by the draft of \u201cSupport line\u201d and published \u201cPriority routing\u201d v3");
  }

  @Test
  void aFlowWhosePublishedVersionCallsTheStepIsNamedOnceAsPublished() {
    StepUses uses = StepUses.of(step(List.of(new DataStepService.FlowUse("priority", "Priority routing", 3))),
        List.of(new DataStepService.DraftUse("priority", "Priority routing"), new DataStepService.DraftUse("a", "After hours"),
            new DataStepService.DraftUse("s", "Support line")));
    assertThat(uses.drafts()).extracting(DataStepService.DraftUse::flowId).containsExactly("a", "s");
    assertThat(uses.sentence()).isEqualTo("Used by the drafts of \u201cAfter hours\u201d and \u201cSupport line\u201d, and "
        + "published \u201cPriority routing\u201d v3");
  }

  @Test
  void aStepNoFlowCallsSaysSo() {
    StepUses uses = StepUses.of(step(List.of()), List.of());
    assertThat(uses.none()).isTrue();
    assertThat(uses.sentence()).isEqualTo("Not used by any flow");
  }
}
