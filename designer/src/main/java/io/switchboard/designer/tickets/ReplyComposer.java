package io.switchboard.designer.tickets;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.switchboard.runtime.tickets.ReplyTemplate;
import io.switchboard.runtime.tickets.Snippet;
import io.switchboard.runtime.tickets.Ticket;
import io.switchboard.runtime.tickets.TicketService;
import io.switchboard.runtime.tickets.TicketStatus;
import io.switchboard.runtime.tickets.ThreadNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The reply composer and the internal note, side by side in tabs under a thread's timeline. */
final class ReplyComposer extends TabSheet {
  private final TicketService tickets;
  private final String user;
  private final Runnable changed;
  private final TextField to = new TextField("To");
  private final TextField cc = new TextField("Cc");
  private final TextField subject = new TextField("Subject");
  private final ComboBox<ReplyTemplate> template = new ComboBox<>("Template");
  private final SnippetArea body = new SnippetArea("Reply");
  private final List<TicketService.NewAttachment> files = new ArrayList<>();
  private final Upload upload;
  private final TextArea note = new TextArea("Internal note");
  private final Refusals refusals = new Refusals();
  private final Refusals noteRefusals = new Refusals();
  private Ticket thread;

  ReplyComposer(TicketService tickets, String user, Map<String, TicketStatus> statuses, Runnable changed) {
    this.tickets = tickets;
    this.user = user;
    this.changed = changed;
    addClassName("sb-composer");
    setId("composer");
    to.setId("reply-to");
    cc.setId("reply-cc");
    cc.setPlaceholder("Addresses, comma-separated");
    subject.setId("reply-subject");
    template.setId("reply-template");
    template.setPlaceholder("Start from a template");
    template.setItemLabelGenerator(ReplyTemplate::name);
    template.setClearButtonVisible(true);
    template.addValueChangeListener(e -> {
      if (e.isFromClient() && e.getValue() != null) {
        fromTemplate(e.getValue());
      }
    });
    body.setId("reply-body");
    body.setPlaceholder("Write the reply. Type :: and a snippet's name to insert it.");
    body.setWidthFull();
    body.addClassName("sb-reply-body");
    MenuBar snippetMenu = new MenuBar();
    snippetMenu.setId("reply-snippets");
    snippetMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_SMALL);
    SubMenu snippetItems = snippetMenu.addItem("Insert snippet").getSubMenu();
    for (Snippet s : tickets.snippets()) {
      snippetItems.addItem(s.name() + " (::" + s.id() + ")", e -> body.insert(s.body()));
    }
    if (tickets.snippets().isEmpty()) {
      snippetItems.addItem("No snippets yet — an administrator adds them under Ticketing").setEnabled(false);
    }
    body.setSnippets(tickets.snippets());
    upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
      synchronized (files) {
        files.add(new TicketService.NewAttachment(meta.fileName(), meta.contentType(),
            Base64.getEncoder().encodeToString(bytes)));
      }
    }));
    upload.setId("reply-upload");
    upload.setMaxFileSize(10 * 1024 * 1024);
    upload.setDropLabel(new Span("Attachments (up to 10 MB each)"));
    upload.addFileRemovedListener(e -> {
      synchronized (files) {
        files.removeIf(f -> f.name().equals(e.getFileName()));
      }
    });
    upload.addClassName("sb-upload");

    Button send = new Button("Send", VaadinIcon.PAPERPLANE.create(), e -> send(null));
    send.setId("reply-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    MenuBar sendAnd = new MenuBar();
    sendAnd.setId("reply-send-and");
    SubMenu choices = sendAnd.addItem("Send and set to…").getSubMenu();
    statuses.values().stream().filter(s -> s.pausesClock() || s.resolves())
        .forEach(s -> choices.addItem(s.label(), e -> send(s.id())));
    HorizontalLayout actions = new HorizontalLayout(send, sendAnd);
    actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    for (com.vaadin.flow.component.HasStyle field : List.of(to, cc, template)) {
      field.getStyle().set("flex", "1 1 0").set("min-width", "0");
    }
    HorizontalLayout addresses = new HorizontalLayout(to, cc);
    addresses.setWidthFull();
    subject.setWidthFull();
    HorizontalLayout starts = new HorizontalLayout(template, snippetMenu);
    starts.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    starts.setWidthFull();
    upload.setWidthFull();
    VerticalLayout reply = new VerticalLayout(addresses, subject, starts, body, upload, refusals.line(), actions);
    reply.setPadding(false);
    reply.setSpacing(false);
    reply.addClassName("sb-compose-pane");
    refusals.field("recipient", to).field("e-mail address", to).field("reply", body).field("body", body)
        .field("subject", subject).field("template", template);

    note.setId("note-body");
    note.setWidthFull();
    note.setPlaceholder("Only colleagues see notes.");
    note.addClassName("sb-reply-body");
    noteRefusals.field("note", note);
    Button addNote = new Button("Add note", VaadinIcon.NOTEBOOK.create(), e -> {
      if (noteRefusals.attempt(() -> tickets.addNote(thread.id(), note.getValue(), user, List.of()))) {
        note.clear();
        changed.run();
      }
    });
    addNote.setId("note-add");
    VerticalLayout notePane = new VerticalLayout(note, new HorizontalLayout(addNote, noteRefusals.line()));
    notePane.setPadding(false);
    notePane.addClassName("sb-compose-pane");
    add("Reply", reply).setId("tab-reply");
    add("Internal note", notePane).setId("tab-note");
    setWidthFull();
  }

  /** Shows the composer for this thread: To prefilled with the customer's first address. */
  void show(Ticket shown, boolean fresh) {
    boolean other = thread == null || !thread.id().equals(shown.id());
    thread = shown;
    if (other) {
      template.setItems(tickets.templates());
    }
    if (other || fresh) {
      to.setValue(shown.customer() == null || shown.customer().emails().isEmpty() ? ""
          : shown.customer().emails().getFirst());
      subject.setValue("");
      subject.setPlaceholder(ThreadNumbers.withToken(ThreadNumbers.reply(shown.subject()), shown.number()));
    }
  }

  private void fromTemplate(ReplyTemplate chosen) {
    TicketService.Draft draft = refusals.attemptGet(() -> tickets.draft(thread.id(),
        new TicketService.Reply(addresses(to.getValue()), addresses(cc.getValue()), chosen.id(), null, null, null,
            null, null), user));
    if (draft != null) {
      subject.setValue(draft.subject());
      body.setValue(draft.body());
    }
  }

  private void send(String status) {
    List<TicketService.NewAttachment> attached;
    synchronized (files) {
      attached = List.copyOf(files);
    }
    boolean sent = refusals.attempt(() -> tickets.reply(thread.id(), new TicketService.Reply(addresses(to.getValue()),
        addresses(cc.getValue()), null, null, subject.getValue().isBlank() ? null : subject.getValue(),
        body.getValue().isBlank() ? null : body.getValue(), attached, status), user));
    if (sent) {
      body.clear();
      subject.clear();
      template.clear();
      cc.clear();
      synchronized (files) {
        files.clear();
      }
      upload.clearFileList();
      changed.run();
    }
  }

  private static List<String> addresses(String text) {
    Collection<String> parts = Arrays.stream(text == null ? new String[0] : text.split("[,;]")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
    return List.copyOf(parts);
  }

  Component focusTarget() {
    return body;
  }
}
