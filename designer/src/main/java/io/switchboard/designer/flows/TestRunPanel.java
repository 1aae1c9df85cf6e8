package io.switchboard.designer.flows;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
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
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.service.TestRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * Runs the current draft with sample trigger data: fetch nodes can answer from samples, script
 * steps are answered here, and the steps taken are listed (and drawn on the canvas) beside the
 * variables before and after the selected one. Nothing is stored or sent: what would have reached
 * the world is marked as simulated.
 */
final class TestRunPanel extends VerticalLayout {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final TestRun.Factory runs;
  private final SerializableSupplier<FlowDocument> draft;
  private final SerializableConsumer<List<StepRecord>> onTrace;
  private final TextField from = compact(new TextField(), "From", "the caller's number or address");
  private final TextField to = compact(new TextField(), "To", "the flow's number or address");
  private final TextArea data = compact(new TextArea(), "Data", "trigger data (JSON)");
  private final TextArea samples = compact(new TextArea(), "Samples", "sample answers of fetch nodes (JSON, by node id)");
  private final Span status = new Span("Run the draft to see the path it takes. Nothing is sent.");
  private final HorizontalLayout input = new HorizontalLayout();
  private final Grid<StepRecord> steps = new Grid<>();
  private final StepVariables stepDetail = new StepVariables();
  private TestRun run;
  private TestRunSentences sentences;

  TestRunPanel(TestRun.Factory runs, SerializableSupplier<FlowDocument> draft, SerializableConsumer<List<StepRecord>> onTrace) {
    this.runs = runs;
    this.draft = draft;
    this.onTrace = onTrace;
    setId("test-run");
    addClassName("sb-test-run");
    setPadding(false);
    setSpacing(false);
    from.setId("test-from");
    from.setValue("+48600000001");
    to.setId("test-to");
    data.setId("test-data");
    data.setValue("{}");
    samples.setId("test-samples");
    samples.setValue("{}");
    Button start = new Button("Run draft", e -> start());
    start.setId("test-start");
    start.addThemeVariants(ButtonVariant.PRIMARY);
    HorizontalLayout setup = new HorizontalLayout(from, to, data, samples, start);
    setup.addClassName("sb-test-setup");
    setup.setWidthFull();
    setup.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
    setup.setFlexGrow(1, data);
    setup.setFlexGrow(2, samples);

    status.setId("test-status");
    status.addClassName("sb-test-status");
    input.setId("test-input");
    input.addClassName("sb-test-input");
    input.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
    steps.setId("test-steps");
    steps.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    steps.addColumn(StepRecord::seq).setHeader("#").setWidth("3rem").setFlexGrow(0);
    steps.addComponentColumn(this::nodeCell).setHeader("Step").setWidth("9rem").setFlexGrow(0);
    steps.addColumn(s -> s.port() == null ? "" : s.port()).setHeader("Port taken").setWidth("5rem").setFlexGrow(0);
    steps.addColumn(s -> TestRunSentences.duration(s.durationNanos())).setHeader("Time").setWidth("5.5rem").setFlexGrow(0);
    steps.addComponentColumn(this::whatHappened).setHeader("What happened").setFlexGrow(3);
    steps.addItemClickListener(e -> stepDetail.show(e.getItem(), run.variablesBefore(), sentences));
    HorizontalLayout result = new HorizontalLayout(steps, stepDetail);
    result.addClassName("sb-test-result");
    result.setWidthFull();
    result.setPadding(false);
    result.setFlexGrow(1, steps);
    add(setup, status, input, result);
    setFlexGrow(1, result);
  }

  /** A field labelled by a word inside it, so that the set-up takes one low row. */
  private static <T extends com.vaadin.flow.component.textfield.TextFieldBase<T, String>> T compact(T field, String word,
      String meaning) {
    Span prefix = new Span(word);
    prefix.addClassName("sb-test-prefix");
    field.setPrefixComponent(prefix);
    field.setAriaLabel(word + ": " + meaning);
    return field;
  }

  private void start() {
    FlowDocument document = draft.get();
    run = runs.start(document, from.getValue(), to.getValue(), FlowJson.mapper().readValue(data.getValue(), MAP),
        FlowJson.mapper().readValue(samples.getValue(), MAP));
    sentences = new TestRunSentences(document);
    stepDetail.clear();
    refresh();
  }

  private void refresh() {
    Interaction it = run.interaction();
    status.setText(sentences.status(run));
    status.getElement().setAttribute("state", run.failedStep().isPresent() || it.status() == InteractionStatus.failed
        ? "failed" : it.status().name());
    input.removeAll();
    if (it.waiting() != null) {
      waitingInput(it.waiting());
    }
    List<StepRecord> log = run.steps();
    steps.setItems(log);
    onTrace.accept(log);
  }

  private Component nodeCell(StepRecord step) {
    Span label = new Span(sentences.label(step.nodeId()));
    label.addClassName("sb-test-node");
    Span id = new Span(step.nodeId());
    id.addClassName("sb-test-node-id");
    return new Div(label, id);
  }

  private Component whatHappened(StepRecord step) {
    Div cell = new Div();
    cell.addClassName("sb-test-happened");
    if (step.error() != null) {
      Span error = new Span(TestRunSentences.failure(step.error()));
      error.addClassName("sb-test-error");
      cell.add(error);
    }
    if (!step.changes().isEmpty()) {
      cell.add(new Span(TestRunSentences.changes(step.changes())));
    }
    for (String simulated : sentences.simulated(step, run.interaction())) {
      Span effect = new Span(simulated);
      effect.addClassName("sb-test-simulated");
      cell.add(effect);
    }
    return cell;
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
}
