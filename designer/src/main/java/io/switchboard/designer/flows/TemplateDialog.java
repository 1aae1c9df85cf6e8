package io.switchboard.designer.flows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.BiConsumer;

/** Offers the reference flows, each by its name and what it does; choosing one asks for the copy's name. */
final class TemplateDialog extends Dialog {

  /** Calls back with the chosen template's id and the name for the copy. */
  TemplateDialog(BiConsumer<String, String> onChoose) {
    setHeaderTitle("New flow from a template");
    setId("template-dialog");
    setWidth("44rem");
    VerticalLayout list = new VerticalLayout();
    list.setPadding(false);
    for (FlowTemplates.Template template : FlowTemplates.all()) {
      Span name = new Span(template.name());
      name.getStyle().set("font-weight", "600");
      Span trigger = new Span(template.trigger());
      trigger.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
      Div text = new Div(new Div(name, new Span(" "), trigger), new Div(template.description()));
      text.getStyle().set("flex", "1").set("font-size", "var(--lumo-font-size-s)");
      Button use = new Button("Use", e -> {
        close();
        new FlowNameDialog("Name the new flow", template.name(), chosen -> onChoose.accept(template.id(), chosen)).open();
      });
      use.setId("use-template-" + template.id());
      use.addThemeVariants(ButtonVariant.SMALL);
      HorizontalLayout row = new HorizontalLayout(text, use);
      row.setWidthFull();
      row.setDefaultVerticalComponentAlignment(HorizontalLayout.Alignment.CENTER);
      row.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("padding-bottom", "var(--lumo-space-s)");
      list.add(row);
    }
    add(list);
    getFooter().add(new Button("Cancel", e -> close()));
  }
}
