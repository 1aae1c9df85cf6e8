package io.switchboard.designer.tickets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.tickets.Snippet;
import io.switchboard.designer.ui.EmptyState;
import io.switchboard.runtime.tickets.TicketService;

/** Reusable pieces of text agents insert by typing "::" and the snippet's id. */
final class SnippetsTab extends VerticalLayout {
  private final TicketService tickets;
  private final String user;
  private final Grid<Snippet> grid = new Grid<>();
  private final EmptyState empty = new EmptyState("No snippets yet. Add one, e.g. ::sig with your team's signature.",
      "New snippet", e -> edit(null));

  SnippetsTab(TicketService tickets, String user) {
    this.tickets = tickets;
    this.user = user;
    setSizeFull();
    Button add = new Button("New snippet", VaadinIcon.PLUS.create(), e -> edit(null));
    add.setId("snippet-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    grid.setId("snippets");
    grid.addColumn(s -> "::" + s.id()).setHeader("Typed as").setWidth("10rem").setFlexGrow(0);
    grid.addColumn(Snippet::name).setHeader("Name").setFlexGrow(1);
    grid.addColumn(s -> s.body().length() > 80 ? s.body().substring(0, 80) + "…" : s.body()).setHeader("Text")
        .setFlexGrow(3);
    grid.addComponentColumn(s -> AdminParts.rowActions("::" + s.id(), () -> edit(s), () -> tickets.deleteSnippet(s.id()),
        "Snippet ::" + s.id() + " deleted", this::refresh))
        .setWidth("7.5rem").setFlexGrow(0);
    grid.addItemDoubleClickListener(e -> edit(e.getItem()));
    grid.setSizeFull();
    empty.setId("snippets-empty");
    empty.addClassName("sb-empty");
    add(add, grid, empty);
  }

  void refresh() {
    var all = tickets.snippets();
    grid.setItems(all);
    grid.setVisible(!all.isEmpty());
    empty.setVisible(all.isEmpty());
  }

  private void edit(Snippet current) {
    Dialog dialog = new Dialog(current == null ? "New snippet" : "Snippet ::" + current.id());
    TextField id = new TextField("Typed as");
    id.setId("snippet-id");
    id.setPrefixComponent(new com.vaadin.flow.component.html.Span("::"));
    id.setHelperText("What agents type after “::”: lower-case letters, digits, - or _");
    TextField name = new TextField("Name");
    name.setId("snippet-name");
    TextArea body = new TextArea("Text");
    body.setId("snippet-body");
    body.setWidthFull();
    body.setMinHeight("8rem");
    body.setHelperText("May use the templates' placeholders, e.g. {{ agent.name }}");
    if (current != null) {
      id.setValue(current.id());
      id.setReadOnly(true);
      name.setValue(current.name());
      body.setValue(current.body());
    }
    Refusals refusals = new Refusals().field("snippet id", id).field("name", name).field("body", body);
    VerticalLayout form = new VerticalLayout(id, name, body, refusals.line());
    form.setPadding(false);
    dialog.add(form);
    dialog.setWidth("600px");
    AdminParts.footer(dialog, "snippet-save", () -> refusals.attempt(() -> tickets.putSnippet(new Snippet(
        id.getValue().strip(), name.getValue(), body.getValue(), 0, user), user)), () -> {
          refresh();
          Notices.done("Snippet ::" + id.getValue().strip() + " saved");
        });
    dialog.open();
  }
}
