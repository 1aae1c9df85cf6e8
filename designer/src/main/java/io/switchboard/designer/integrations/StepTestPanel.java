package io.switchboard.designer.integrations;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.service.DataStepTester;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Test button's panel: a field per declared input, prefilled with its example, and what the
 * run found: the request sent (secrets redacted), the status, the raw answer, the mapped outputs
 * and the time taken. It sits beside the step's form, so what an edit changes shows without
 * scrolling away from it.
 */
final class StepTestPanel extends VerticalLayout {
  private final FlexLayout inputs = new FlexLayout();
  private final Map<String, TextField> fields = new LinkedHashMap<>();
  private final Div result = new Div();

  /**
   * @param run tests the step as the form has it with these input values
   * @param declared the inputs the form declares now
   */
  StepTestPanel(Function<Map<String, Object>, DataStepTester.Report> run, Supplier<List<Map<String, Object>>> declared) {
    setId("step-test");
    setPadding(false);
    inputs.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    inputs.getStyle().set("gap", "var(--lumo-space-s)");
    result.setId("step-test-result");
    result.setWidthFull();
    Button test = new Button("Test", e -> {
      Map<String, Object> values = new LinkedHashMap<>();
      fields.forEach((name, field) -> {
        if (!field.getValue().isEmpty()) {
          values.put(name, field.getValue());
        }
      });
      show(run.apply(values));
    });
    test.setId("step-test-run");
    test.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.PRIMARY);
    Button refresh = new Button("Take the inputs from the form", e -> setInputs(declared.get()));
    refresh.setId("step-test-inputs");
    refresh.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.TERTIARY,
        com.vaadin.flow.component.button.ButtonVariant.SMALL);
    H4 title = new H4("Test");
    title.getStyle().set("margin", "0");
    Span how = new Span("Sends the request as the form has it, saved or not, with these values.");
    how.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
    add(title, how, inputs, new com.vaadin.flow.component.orderedlayout.HorizontalLayout(test, refresh), result);
  }

  /** A field for each input, keeping what was typed in fields that stay. */
  void setInputs(List<Map<String, Object>> declared) {
    Map<String, String> typed = new LinkedHashMap<>();
    fields.forEach((name, field) -> typed.put(name, field.getValue()));
    inputs.removeAll();
    fields.clear();
    for (Map<String, Object> input : declared) {
      String name = String.valueOf(input.get("name"));
      TextField field = new TextField(name);
      field.setRequiredIndicatorVisible(Boolean.TRUE.equals(input.get("required")));
      field.setId("test-input-" + name);
      field.setWidth("14rem");
      Object help = input.get("description");
      if (help != null) {
        field.setHelperText(String.valueOf(help));
      }
      Object example = input.get("example");
      field.setValue(typed.getOrDefault(name, example == null ? "" : String.valueOf(example)));
      fields.put(name, field);
      inputs.add(field);
    }
    result.removeAll();
    if (declared.isEmpty()) {
      inputs.add(new Span("The step declares no inputs."));
    }
  }

  private void show(DataStepTester.Report run) {
    result.removeAll();
    Span verdict = new Span(run.ok() ? "OK" : "Failed: " + run.error() + (run.errorCode() == null ? "" : " (" + run.errorCode() + ")"));
    verdict.setId("test-verdict");
    verdict.getStyle().set("font-weight", "600")
        .set("color", run.ok() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    Span status = new Span(run.status() == null ? "no answer" : "HTTP " + run.status());
    status.setId("test-status");
    Span time = new Span(run.millis() + " ms");
    time.setId("test-time");
    com.vaadin.flow.component.orderedlayout.HorizontalLayout summary =
        new com.vaadin.flow.component.orderedlayout.HorizontalLayout(verdict, status, time);
    summary.setSpacing(true);
    result.add(summary);
    if (run.request() != null) {
      StringBuilder sent = new StringBuilder(run.request().method()).append(' ').append(run.request().url()).append('\n');
      run.request().headers().forEach((k, v) -> sent.append(k).append(": ").append(v).append('\n'));
      if (run.request().body() != null) {
        sent.append('\n').append(run.request().body());
      }
      result.add(block("Request sent", "test-request", sent.toString()));
    }
    if (run.response() != null) {
      result.add(block("Answer" + (run.contentType() == null || run.contentType().isEmpty() ? "" : " (" + run.contentType()
          + ")") + (run.responseCut() ? ", first 64 KiB" : ""), "test-response", run.response()));
    }
    if (run.outputs() != null) {
      result.add(block("Variables", "test-outputs", FlowJson.write(FlowJson.mapper().valueToTree(run.outputs()))));
    }
  }

  private static Div block(String title, String id, String text) {
    Pre pre = new Pre(text);
    pre.setId(id);
    pre.getStyle().set("max-height", "16rem").set("overflow", "auto").set("white-space", "pre-wrap")
        .set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s)").set("margin", "0");
    Span heading = new Span(title);
    heading.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-s)");
    return new Div(heading, pre);
  }
}
