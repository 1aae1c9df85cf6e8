package io.switchboard.runtime.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.model.FlowVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptBuilderTest {
  static final long PUBLISHED = 1_796_126_400_000L; // 2026-12-01 12:40 UTC

  static ScriptDocument supportCall() {
    return ScriptBuilder.build(new FlowVersion("support-call", 3, Engine.example("support-call"), "for training",
        PUBLISHED, "dana"));
  }

  /** Every sentence of a path, choices flattened with their case headings. */
  static List<String> sentences(List<Action> actions) {
    List<String> all = new ArrayList<>();
    for (Action action : actions) {
      all.add(action.text());
      if (action instanceof Action.Choice choice) {
        for (Action.Case c : choice.cases()) {
          all.add(c.when() + ":");
          all.addAll(sentences(c.actions()));
        }
      }
    }
    return all;
  }

  @Test
  void theHeadNamesTheVersionTheTriggerAndTheVariablesTheAgentSees() {
    ScriptDocument script = supportCall();
    assertThat(script.name()).isEqualTo("Support call");
    assertThat(script.version()).isEqualTo(3);
    assertThat(script.publishedBy()).isEqualTo("dana");
    assertThat(script.comment()).isEqualTo("for training");
    assertThat(script.channel()).isEqualTo("voice");
    assertThat(script.address()).isEqualTo("+48225550100");
    assertThat(script.variables()).extracting(ScriptDocument.Variable::label)
        .containsExactly("Customer", "E-mail", "Support contract", "Problem", "Urgency", "Case");
    assertThat(sentences(script.opening())).containsExactly(
        "Looks up 'Find caller in ticketing' with the data step 'ticketing-customer' (phone: «Caller's address»); "
            + "fills «Support contract», «E-mail», «Customer».",
        "If it works:", "Next: step 1 'Welcome'.",
        "If it fails:", "Ends the interaction with the outcome 'caller not found' (Lookup failed).");
  }

  @Test
  void stepsShowPromptsWithLabelsFieldsAndAnswers() {
    List<AgentStep> steps = supportCall().steps();
    assertThat(steps).extracting(AgentStep::title).containsExactly("Welcome", "Troubleshooter");
    AgentStep welcome = steps.get(0);
    assertThat(welcome.prompt()).isEqualTo("Good morning «Customer», thank you for calling support. How can I help?");
    assertThat(welcome.fields()).containsExactly(new AgentStep.Field("Problem description", "text", true, "«Problem»"));
    assertThat(welcome.answers()).extracting(AnswerPath::answer).containsExactly("Customer describes the problem");
    assertThat(sentences(welcome.answers().get(0).actions())).containsExactly(
        "Checks 'Contract valid?':",
        "If Active contract (contractActive):", "Next: step 2 'Troubleshooter'.",
        "Otherwise:",
        "Escalates: raises a warning alert: \u201c«Customer» has no active support contract: offer a paid incident.\u201d "
            + "(Alert: no contract).",
        "Next: step 2 'Troubleshooter'.");
  }

  @Test
  void eachAnswerListsWhatHappensAutomaticallyUntilTheEnd() {
    AgentStep troubleshooter = supportCall().steps().get(1);
    assertThat(troubleshooter.fields()).containsExactly(new AgentStep.Field("Urgency (normal/high)", "text", false, "«Urgency»"));
    assertThat(sentences(troubleshooter.answers().get(0).actions())).containsExactly(
        "Sends the e-mail 'How to fix: «Problem»' to «E-mail» (Email fix instructions).",
        "Ends the interaction with the outcome 'fixed' (Fixed).");
    assertThat(sentences(troubleshooter.answers().get(1).actions())).containsExactly(
        "Opens a case (subject «Problem», priority normal, queue support); its number goes into «Case» (Open case).",
        "If it works:",
        "Checks 'Urgent?':",
        "If High urgency (urgency == 'high'):",
        "Escalates: raises the priority to 'urgent', moves the interaction to the queue 'second-line', raises a critical "
            + "alert: \u201cUrgent case «Case» for «Customer»: «Problem»\u201d (Escalate to second line).",
        "Sends the e-mail 'Your case «Case»' to «E-mail» (Email case update).",
        "Ends the interaction with the outcome 'case «Case»' (Case opened).",
        "Otherwise:",
        "Sends the e-mail 'Your case «Case»' to «E-mail» (Email case update).",
        "Ends the interaction with the outcome 'case «Case»' (Case opened).",
        "If it fails:",
        "Ends the interaction with the outcome 'caller not found' (Lookup failed).");
  }

  @Test
  void anAnswerThatLeadsBackToAnEarlierStepSaysSoAndStops() {
    String flow = """
        {"format": "switchboard.flow/1", "id": "retry", "name": "Retry",
         "variables": [{"name": "tries", "type": "number", "label": "Tries"}],
         "nodes": [
          {"id": "t", "type": "trigger", "config": {"channel": "voice", "address": "+48220000009"}},
          {"id": "ask", "type": "script", "label": "Ask for the code",
           "config": {"prompt": "Please read the code.", "answers": [{"port": "ok", "label": "Correct"},
                                                                     {"port": "again", "label": "Wrong code"}]}},
          {"id": "count", "type": "set", "label": "Count", "config": {"assignments": {"tries": "tries + 1"}}},
          {"id": "done", "type": "end", "label": "Done", "config": {"outcome": "verified"}}],
         "edges": [{"from": "t", "port": "next", "to": "ask"}, {"from": "ask", "port": "ok", "to": "done"},
                   {"from": "ask", "port": "again", "to": "count"}, {"from": "count", "port": "next", "to": "ask"}]}
        """;
    ScriptDocument script = ScriptBuilder.build(new FlowVersion("retry", 1, flow, null, PUBLISHED, null));
    assertThat(sentences(script.steps().get(0).answers().get(1).actions()))
        .containsExactly("Sets «Tries» to tries + 1 (Count).", "Back to step 'Ask for the code'.");
  }

  @Test
  void theSelfServiceFlowReadsAsSearchingTheKnowledgeBaseAndReplyingToTheCustomer() {
    ScriptDocument script = ScriptBuilder.build(new FlowVersion("self-service", 1, Engine.example("self-service"), null,
        PUBLISHED, null));
    List<String> opening = sentences(script.opening());
    assertThat(opening.subList(0, 4)).containsExactly(
        "Searches the knowledge base for «trigger.body»; the best 3 scoring at least 2 go into «Answers found», the best "
            + "one into «Suggested answer» (Search knowledge base).",
        "If the knowledge base has an answer:",
        "Replies to the customer: \u201c«answer.solution»\n\nDid this solve it? Reply YES or NO.\u201d (Offer the answer).",
        "Then:");
    assertThat(opening).contains("If the knowledge base has no answer:",
        "Replies to the customer: \u201cGlad it helped! Write again any time.\u201d (Thank the customer).");
  }
}
