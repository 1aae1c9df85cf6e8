package io.switchboard.designer.desk;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The script step the agent is at: where they are (a breadcrumb of the steps taken), the prompt with
 * the variables filled in, the fields the step asks for and one button per answer. A field is checked
 * by its type before the answer is sent; what the engine still refuses is shown here, inline.
 */
final class ScriptPanel extends VerticalLayout {
  /** What answering does: sends the answer, or throws the engine's refusal. */
  interface Answering {
    void answer(String nodeId, String port, Map<String, Object> fields);
  }

  private final Span error = new Span();
  private final Map<DeskWorkspace.Field, Component> inputs = new LinkedHashMap<>();

  /**
   * @param back going back one step, or null while the desk offers no way back
   */
  ScriptPanel(DeskWorkspace.View view, Answering answering, Runnable back) {
    setId("script-panel");
    setPadding(false);
    setSpacing(false);
    add(breadcrumb(view.breadcrumb()));
    DeskWorkspace.Step step = view.step();
    H3 title = new H3(step.label());
    title.addClassName("sb-desk-title");
    Paragraph prompt = new Paragraph(step.prompt());
    prompt.setId("script-prompt");
    prompt.addClassName("sb-desk-prompt");
    add(title, prompt);
    for (DeskWorkspace.Field field : step.fields()) {
      Component input = input(field);
      inputs.put(field, input);
      add(input);
    }
    error.setId("script-error");
    error.addClassName("sb-desk-error");
    error.setVisible(false);
    add(error);
    FlexLayout buttons = new FlexLayout();
    buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    buttons.getStyle().set("gap", "var(--lumo-space-s)");
    for (DeskWorkspace.Answer answer : step.answers()) {
      Button button = new Button(answer.label(), e -> send(step.nodeId(), answer.port(), answering));
      button.setId("answer-" + answer.port());
      button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      buttons.add(button);
    }
    if (step.allowBack() && back != null) {
      Button previous = new Button("Back", e -> back.run());
      previous.setId("script-back");
      buttons.add(previous);
    }
    add(buttons);
  }

  static Component breadcrumb(List<String> crumbs) {
    Div trail = new Div();
    trail.setId("script-breadcrumb");
    trail.addClassName("sb-desk-breadcrumb");
    trail.setText(crumbs.isEmpty() ? "Script" : String.join("  ›  ", crumbs));
    return trail;
  }

  private static Component input(DeskWorkspace.Field field) {
    String label = field.label() + (field.required() ? " *" : "");
    if (field.type().equals("boolean")) {
      Select<String> select = new Select<>();
      select.setLabel(label);
      select.setItems("true", "false");
      select.setItemLabelGenerator(v -> v.equals("true") ? "Yes" : "No");
      select.setEmptySelectionAllowed(!field.required());
      select.setId("field-" + field.variable());
      select.setWidthFull();
      return select;
    }
    TextField text = new TextField(label);
    text.setId("field-" + field.variable());
    text.setWidthFull();
    text.setRequiredIndicatorVisible(field.required());
    if (field.type().equals("number")) {
      text.setAllowedCharPattern("[0-9.\\-]");
    }
    return text;
  }

  private void send(String nodeId, String port, Answering answering) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (var entry : inputs.entrySet()) {
      DeskWorkspace.Field field = entry.getKey();
      String value = entry.getValue() instanceof TextField text ? text.getValue().strip()
          : ((Select<?>) entry.getValue()).getValue() instanceof String s ? s : "";
      String problem = problem(field, value);
      if (problem != null) {
        refuse(problem, entry.getValue());
        return;
      }
      if (!value.isEmpty()) {
        values.put(field.variable(), value);
      }
    }
    try {
      answering.answer(nodeId, port, values);
    } catch (BadRequestException | ConflictException e) {
      refuse(e.getMessage(), null);
    }
  }

  private static String problem(DeskWorkspace.Field field, String value) {
    if (value.isEmpty()) {
      return field.required() ? "'" + field.label() + "' is required" : null;
    }
    if (field.type().equals("number")) {
      try {
        new BigDecimal(value);
      } catch (NumberFormatException e) {
        return "'" + field.label() + "' needs a number, not '" + value + "'";
      }
    }
    return null;
  }

  private void refuse(String message, Component field) {
    error.setText(message);
    error.setVisible(true);
    if (field instanceof TextField text) {
      text.setInvalid(true);
      text.setErrorMessage(message);
    }
  }
}
