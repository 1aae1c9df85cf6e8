package io.switchboard.designer.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.designer.flows.canvas.PaletteEntry;
import io.switchboard.designer.flows.properties.StepChoices;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.steps.StepDirectory;
import io.switchboard.flow.steps.StepSignature;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FetchExtrasTest {
  private static final StepSignature CRM = new StepSignature("crm-customer", "CRM customer",
      List.of(new StepSignature.Input("phone", "string", true, "+48600000001"), new StepSignature.Input("region", "string", false, null)),
      List.of(new StepSignature.Output("loyalty", "string", "$.tier")));
  private final FetchExtras fetch = new FetchExtras(() -> Set.of("crm-customer", "gone"),
      StepDirectory.of(Map.of("crm-customer", CRM)));

  @Test
  void eachRegisteredStepIsAPaletteEntryRightAfterFetchWithItsInputsAndTheFetchPorts() {
    List<PaletteEntry> palette = fetch.palette();
    List<String> keys = palette.stream().map(PaletteEntry::key).toList();
    assertThat(keys.get(keys.indexOf("fetch") + 1)).isEqualTo("fetch:crm-customer");
    assertThat(keys).hasSize(PaletteEntry.all().size() + 1);
    PaletteEntry crm = palette.get(keys.indexOf("fetch:crm-customer"));
    assertThat(crm.help()).isEqualTo("Fetch variables · needs phone, region (optional); gives loyalty");
    // the phone input starts with the caller's number, which every trigger brings; the region stays to fill in
    assertThat(crm.preset()).isEqualTo(FlowJson.readTree(
        "{\"step\": \"crm-customer\", \"input\": {\"phone\": \"{{ trigger.from }}\", \"region\": \"\"}}"));
    assertThat(crm.ports()).containsExactly("ok", "error");
  }

  @Test
  void theStepPickerNamesAStepWithWhatItNeeds() {
    assertThat(fetch.ids()).containsExactly("crm-customer", "gone");
    assertThat(fetch.label("crm-customer")).isEqualTo("CRM customer (crm-customer) · needs phone, region (optional)");
    assertThat(fetch.label("gone")).isEqualTo("gone");
  }

  @Test
  void aFetchNodeThatNamesAStepIsDescribedAndOtherNodesAreNot() {
    assertThat(fetch.stepInfo(FlowJson.readTree("{\"type\": \"fetch\", \"config\": {\"step\": \"crm-customer\"}}")))
        .hasValue("Data step CRM customer (crm-customer). Needs: phone (required, e.g. +48600000001), region. "
            + "Gives: loyalty (string).");
    assertThat(fetch.stepInfo(FlowJson.readTree("{\"type\": \"fetch\", \"config\": {\"step\": \"gone\"}}")))
        .hasValue("The data step 'gone' is not registered.");
    assertThat(fetch.stepInfo(FlowJson.readTree("{\"type\": \"fetch\", \"config\": {\"request\": {\"url\": \"u\"}}}"))).isEmpty();
    assertThat(fetch.stepInfo(FlowJson.readTree("{\"type\": \"end\", \"config\": {\"step\": \"crm-customer\"}}"))).isEmpty();
  }

  @Test
  void aPickedStepBringsARowForEachInputNotGivenYet() {
    var config = FlowJson.readTree("{\"step\": \"crm-customer\", \"input\": {\"phone\": \"{{ trigger.from }}\"}}");
    assertThat(fetch.withStepInputs("fetch", config)).isEqualTo(FlowJson.readTree(
        "{\"step\": \"crm-customer\", \"input\": {\"phone\": \"{{ trigger.from }}\", \"region\": \"\"}}"));
  }

  @Test
  void anInputIsSuggestedAVariableOfItsNameOrForAPhoneTheCallersNumberAndTheOutputsMappedAreListed() {
    List<String> readable = List.of("customer.region", "loyalty", "trigger.from", "trigger.to");
    assertThat(fetch.inputs("crm-customer", readable)).containsExactly(
        new StepChoices.StepInput("phone", "The data step needs this. For example +48600000001.", true, "{{ trigger.from }}"),
        new StepChoices.StepInput("region", "Optional.", false, "{{ customer.region }}"));
    assertThat(fetch.inputs("crm-customer", List.of("trigger.to")).getFirst().suggestion()).isNull();
    assertThat(fetch.inputs("gone", readable)).isEmpty();
    assertThat(fetch.given("crm-customer")).containsExactly("loyalty ← $.tier");
  }

  @Test
  void whatAStepUpstreamGivesIsReadableDownstream() {
    var document = FlowJson.readTree("""
        {"format": "switchboard.flow/1", "id": "f", "name": "F",
         "nodes": [{"id": "t", "type": "trigger", "config": {"channel": "voice", "address": "+1"}},
                   {"id": "f1", "type": "fetch", "config": {"step": "crm-customer", "input": {"phone": "x"}}},
                   {"id": "e", "type": "end", "config": {}}],
         "edges": [{"from": "t", "port": "next", "to": "f1"}, {"from": "f1", "port": "ok", "to": "e"}]}""");
    assertThat(fetch.readableAt(document, "e")).startsWith("loyalty").contains("trigger.from");
  }

  @Test
  void anInputsHelpLeadsWithWhatTheIntegratorWroteOfIt() {
    assertThat(FetchExtras.help(new StepSignature.Input("phone", "string", true, "+48600000001",
        "The customer's number in E.164 form"))).isEqualTo("The customer's number in E.164 form. The data step needs this. "
            + "For example +48600000001.");
    assertThat(FetchExtras.help(new StepSignature.Input("region", "string", false, null, "  "))).isEqualTo("Optional.");
  }
}
