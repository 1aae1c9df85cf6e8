package io.switchboard.designer.flows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableSupplier;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.service.TestRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * Runs the current draft with sample trigger data: fetch nodes can answer from samples, script
 * steps are answered here, and the steps taken are listed (and drawn on the canvas) with the
 * variables before and after each one. Nothing is stored or sent.
 */
final class TestRunPanel extends VerticalLayout {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final TestRun.Factory runs;
  private final SerializableSupplier<FlowDocument> draft;
  private final SerializableConsumer<List<StepRecord>> onTrace;
  private final TextField from = new TextField("From");
  private final TextField to = new TextField("To");
  private final TextArea data = new TextArea("Trigger data (JSON)");
  private final TextArea samples = new TextArea("Sample answers of fetch nodes (JSON, by node id)");
  private final Span status = new Span();
  private final HorizontalLayout input = new HorizontalLayout();
  private final Grid<StepRecord> steps = new Grid<>();
  private final TextArea stepDetail = new TextArea("Variables before → after the selected step");
  private TestRun run;

  TestRunPanel(TestRun.Factory runs, SerializableSupplier<FlowDocument> draft, SerializableConsumer<List<StepRecord>> onTrace) {
    this.runs = runs;
    this.draft = draft;
    this.onTrace = onTrace;
    setId("test-run");
    setPadding(false);
    from.setId("test-from");
    from.setValue("+48600000001");
    to.setId("test-to");
    data.setId("test-data");
    data.setValue("{}");
    data.setWidth("20rem");
    samples.setId("test-samples");
    samples.setValue("{}");
    samples.setWidth("28rem");
    Button start = new Button("Run draft", e -> start());
    start.setId("test-start");
    start.addThemeVariants(ButtonVariant.PRIMARY);
    HorizontalLayout setup = new HorizontalLayout(from, to, data, samples, start);
    setup.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
    status.setId("test-status");
    input.setId("test-input");
    input.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
    steps.setId("test-steps");
    steps.addColumn(StepRecord::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    steps.addColumn(StepRecord::nodeId).setHeader("Node");
    steps.addColumn(s -> s.port() == null ? "" : s.port()).setHeader("Path taken");
    steps.addColumn(s -> String.format("%.1f µs", s.durationNanos() / 1000.0)).setHeader("Duration");
    steps.addColumn(s -> s.changes().isEmpty() ? "" : FlowJson.compact(s.changes())).setHeader("Changed").setFlexGrow(2);
    steps.addColumn(s -> s.error() == null ? "" : s.error().describe()).setHeader("Error").setFlexGrow(2);
    steps.setAllRowsVisible(true);
    steps.addItemClickListener(e -> showStep(e.getItem()));
    stepDetail.setId("test-step-detail");
    stepDetail.setWidthFull();
    stepDetail.setReadOnly(true);
    add(setup, status, input, steps, stepDetail);
  }

  private void start() {
    FlowDocument document = draft.get();
    run = runs.start(document, from.getValue(), to.getValue(), FlowJson.mapper().readValue(data.getValue(), MAP),
        FlowJson.mapper().readValue(samples.getValue(), MAP));
    refresh();
  }

  private void refresh() {
    Interaction it = run.interaction();
    status.setText("Status: " + it.status() + (it.outcome() != null ? " · outcome: " + it.outcome() : "")
        + (it.error() == null ? "" : (it.status() == io.switchboard.runtime.engine.InteractionStatus.failed
            ? " · error: " : " · handled error: ") + it.error().describe())
        + (it.instruction() != null ? " · " + it.instruction().verb() + " " + it.instruction().target() : "")
        + (run.effects().isEmpty() ? "" : " · " + run.effects().size() + " effect(s) kept, not sent"));
    input.removeAll();
    if (it.waiting() != null) {
      waitingInput(it.waiting());
    }
    List<StepRecord> log = run.steps();
    steps.setItems(log);
    onTrace.accept(log);
  }

  @SuppressWarnings("unchecked")
  private void waitingInput(Waiting waiting) {
    switch (waiting.kind()) {
      case agent_answer -> {
        input.add(new Span(String.valueOf(waiting.details().get("prompt"))));
        Map<String, TextField> fields = new LinkedHashMap<>();
        for (Object f : (List<Object>) waiting.details().getOrDefault("fields", List.of())) {
          Map<String, Object> field = (Map<String, Object>) f;
          TextField value = new TextField(String.valueOf(field.get("label")));
          value.setId("test-field-" + field.get("variable"));
          fields.put(String.valueOf(field.get("variable")), value);
          input.add(value);
        }
        for (Object a : (List<Object>) waiting.details().getOrDefault("answers", List.of())) {
          Map<String, Object> answer = (Map<String, Object>) a;
          Button button = new Button(String.valueOf(answer.get("label")), e -> act(() -> {
            Map<String, Object> values = new LinkedHashMap<>();
            fields.forEach((name, field) -> {
              if (!field.getValue().isBlank()) {
                values.put(name, field.getValue());
              }
            });
            run.answer(String.valueOf(answer.get("port")), values);
          }));
          button.setId("test-answer-" + answer.get("port"));
          input.add(button);
        }
      }
      case event -> {
        TextArea eventData = new TextArea("Data of '" + waiting.event() + "' (JSON)");
        eventData.setValue("{}");
        Button send = new Button("Send event", e -> act(() -> run.event(waiting.event(),
            FlowJson.mapper().readValue(eventData.getValue(), Object.class))));
        send.setId("test-send-event");
        Button timeout = new Button("Let the time run out", e -> act(run::fireTimer));
        input.add(eventData, send, timeout);
      }
      case call_status -> {
        Button answered = new Button("Call answered", e -> act(() -> run.callStatus("completed")));
        Button busy = new Button("Busy", e -> act(() -> run.callStatus("busy")));
        input.add(answered, busy);
      }
      case queue -> {
        input.add(new Span("Waiting in queue " + waiting.details().get("queue") + " for an agent (simulated)"));
        Button accept = new Button("An agent accepts", e -> act(run::acceptAsAgent));
        accept.setId("test-agent-accepts");
        Button nobody = new Button("Nobody takes it in time", e -> act(run::fireTimer));
        nobody.setId("test-queue-timeout");
        input.add(accept, nobody);
      }
      case timer -> {
        Button fire = new Button("Let the time run out", e -> act(run::fireTimer));
        fire.setId("test-fire-timer");
        input.add(fire);
      }
    }
  }

  private void act(Runnable action) {
    action.run();
    refresh();
  }

  private void showStep(StepRecord step) {
    Map<String, Object> before = run.variablesBefore().getOrDefault(step.seq(), Map.of());
    Map<String, Object> after = new LinkedHashMap<>(before);
    after.putAll(step.changes());
    stepDetail.setValue("step " + step.seq() + " · " + step.nodeId() + " · " + String.format("%.1f µs", step.durationNanos() / 1000.0)
        + "\nbefore: " + FlowJson.compact(before) + "\nafter:  " + FlowJson.compact(after));
  }
}
