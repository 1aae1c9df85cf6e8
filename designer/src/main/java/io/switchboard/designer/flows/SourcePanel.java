package io.switchboard.designer.flows;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.function.SerializableConsumer;

/** The flow as its JSON file, editable as text: applying it saves it as the draft. */
final class SourcePanel extends Composite<Div> {
  private final TextArea source = new TextArea();
  private final Button apply = new Button("Apply source");

  /** @param onApply called with the text the user applies */
  SourcePanel(SerializableConsumer<String> onApply) {
    source.setId("flow-document");
    source.addClassName("sb-source");
    source.setAriaLabel("Flow source (JSON)");
    source.getElement().setAttribute("spellcheck", "false");
    apply.setId("apply-source");
    apply.addClickListener(e -> onApply.accept(source.getValue()));
    Span hint = new Span("The whole flow as JSON. Applying it replaces the draft; undo brings the previous one back.");
    hint.addClassName("sb-editor-hint");
    Div bar = new Div(apply, hint);
    bar.addClassName("sb-source-bar");
    getContent().addClassName("sb-source-panel");
    getContent().add(source, bar);
  }

  void show(String text) {
    source.setValue(text);
  }

  void setReadOnly(boolean readOnly) {
    source.setReadOnly(readOnly);
    apply.setVisible(!readOnly);
  }
}
