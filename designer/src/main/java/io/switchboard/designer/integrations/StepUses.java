package io.switchboard.designer.integrations;

import io.switchboard.designer.ui.Texts;
import io.switchboard.runtime.service.DataStepService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The flows that call a data step, in one sentence: "Used by the draft of “Support line” and
 * published “Priority routing” v3". A flow whose published version calls the step is named once,
 * as published, even when its draft calls it too.
 */
record StepUses(List<DataStepService.FlowUse> published, List<DataStepService.DraftUse> drafts) {
  static StepUses of(DataStepService.StepView step, List<DataStepService.DraftUse> drafts) {
    Set<String> publishedIds = step.usedBy().stream().map(DataStepService.FlowUse::flowId).collect(Collectors.toSet());
    return new StepUses(step.usedBy(), drafts.stream().filter(d -> !publishedIds.contains(d.flowId())).toList());
  }

  boolean none() {
    return published.isEmpty() && drafts.isEmpty();
  }

  /** "the draft of “A” and published “B” v3", or "" when no flow calls the step. */
  String flows() {
    List<String> parts = new ArrayList<>();
    if (!drafts.isEmpty()) {
      parts.add((drafts.size() == 1 ? "the draft of " : "the drafts of ") + Texts.list(drafts.stream()
          .map(d -> quoted(d.flowName())).toList()));
    }
    if (!published.isEmpty()) {
      parts.add("published " + Texts.list(published.stream().map(p -> quoted(p.flowName()) + " v" + p.version()).toList()));
    }
    // "the drafts of A and B, and published C v3": the comma keeps the two lists apart
    return drafts.size() > 1 && parts.size() > 1 ? String.join(", and ", parts) : Texts.list(parts);
  }

  /** "Used by …", or "Not used by any flow". */
  String sentence() {
    return none() ? "Not used by any flow" : "Used by " + flows();
  }

  static String quoted(String name) {
    return "\u201c" + name + "\u201d";
  }
}
