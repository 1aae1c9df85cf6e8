package io.switchboard.designer.tickets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.tickets.Placeholders;
import io.switchboard.runtime.tickets.ReplyTemplate;
import io.switchboard.runtime.tickets.TicketService;
import java.util.LinkedHashMap;
import io.switchboard.designer.ui.EmptyState;
import java.util.Map;

/** Replies agents start from, with the placeholders they may use and a preview with sample values. */
final class TemplatesTab extends VerticalLayout {
  /** What the preview fills the placeholders with. */
  static final Map<String, String> SAMPLE = sample();
  private final TicketService tickets;
  private final String user;
  private final Grid<ReplyTemplate> grid = new Grid<>();
  private final EmptyState empty = new EmptyState("No templates yet. Add one, e.g. a first answer that thanks the customer.",
      "New template", e -> edit(null));

  TemplatesTab(TicketService tickets, String user) {
    this.tickets = tickets;
    this.user = user;
    setSizeFull();
    Button add = new Button("New template", VaadinIcon.PLUS.create(), e -> edit(null));
    add.setId("template-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    grid.setId("templates");
    grid.addColumn(ReplyTemplate::name).setHeader("Name").setFlexGrow(1);
    grid.addColumn(t -> t.subject() == null ? "(the thread's subject)" : t.subject()).setHeader("Subject").setFlexGrow(2);
    grid.addColumn(t -> t.updatedBy() == null ? "" : t.updatedBy()).setHeader("Changed by").setFlexGrow(0)
        .setWidth("9rem");
    grid.addComponentColumn(t -> AdminParts.rowActions(t.name(), () -> edit(t), () -> tickets.deleteTemplate(t.id()),
        "Template “" + t.name() + "” deleted", this::refresh))
        .setWidth("7.5rem").setFlexGrow(0);
    grid.addItemDoubleClickListener(e -> edit(e.getItem()));
    grid.setSizeFull();
    empty.setId("templates-empty");
    empty.addClassName("sb-empty");
    add(add, grid, empty);
  }

  void refresh() {
    var all = tickets.templates();
    grid.setItems(all);
    grid.setVisible(!all.isEmpty());
    empty.setVisible(all.isEmpty());
  }

  private void edit(ReplyTemplate current) {
    Dialog dialog = new Dialog(current == null ? "New template" : "Template “" + current.name() + "”");
    TextField id = new TextField("Id");
    id.setId("template-id");
    id.setHelperText("Lower-case letters, digits, - or _; flows and the API name it");
    TextField name = new TextField("Name");
    name.setId("template-name");
    TextField subject = new TextField("Subject");
    subject.setId("template-subject");
    subject.setHelperText("Empty: “Re:” and the thread's subject");
    subject.setWidthFull();
    TextArea body = new TextArea("Body");
    body.setId("template-body");
    body.setWidthFull();
    body.setMinHeight("10rem");
    Div placeholders = new Div(new Span("Placeholders: "));
    placeholders.addClassName("sb-placeholders");
    Placeholders.NAMES.forEach(n -> placeholders.add(new com.vaadin.flow.component.html.Code("{{ " + n + " }}")));
    Div preview = new Div();
    preview.setId("template-preview");
    preview.addClassName("sb-preview");
    preview.setWidthFull();
    Runnable showPreview = () -> preview.setText((subject.getValue().isBlank() ? "" : "Subject: "
        + Placeholders.fill(subject.getValue(), SAMPLE) + "\n\n") + Placeholders.fill(body.getValue(), SAMPLE));
    body.setValueChangeMode(ValueChangeMode.EAGER);
    subject.setValueChangeMode(ValueChangeMode.EAGER);
    body.addValueChangeListener(e -> showPreview.run());
    subject.addValueChangeListener(e -> showPreview.run());
    if (current != null) {
      id.setValue(current.id());
      id.setReadOnly(true);
      name.setValue(current.name());
      subject.setValue(current.subject() == null ? "" : current.subject());
      body.setValue(current.body());
    }
    Refusals refusals = new Refusals().field("template id", id).field("name", name).field("subject", subject)
        .field("body", body);
    HorizontalLayout ids = new HorizontalLayout(id, name);
    Span previewTitle = new Span("Preview (for a sample thread #1042 of Ann Example)");
    previewTitle.addClassName("sb-muted");
    VerticalLayout form = new VerticalLayout(ids, subject, body, placeholders, previewTitle, preview, refusals.line());
    form.setPadding(false);
    dialog.add(form);
    dialog.setWidth("760px");
    AdminParts.footer(dialog, "template-save", () -> refusals.attempt(() -> tickets.putTemplate(new ReplyTemplate(
        id.getValue().strip(), name.getValue(), subject.getValue(), body.getValue(), 0, user), user)), () -> {
          refresh();
          Notices.done("Template “" + name.getValue().strip() + "” saved");
        });
    showPreview.run();
    dialog.open();
  }

  private static Map<String, String> sample() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("thread.number", "1042");
    values.put("thread.subject", "My order has not arrived");
    values.put("thread.status", "Open");
    values.put("thread.priority", "normal");
    values.put("thread.queue", "Customer support");
    values.put("customer.name", "Ann Example");
    values.put("customer.email", "ann@example.com");
    values.put("customer.phone", "+48 22 111 00 01");
    values.put("agent.name", "Bea Agent");
    values.put("agent.username", "bea");
    return values;
  }
}
