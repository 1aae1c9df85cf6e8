package io.switchboard.designer.tickets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.mail.ImapConnector;
import io.switchboard.runtime.mail.MailImport;
import io.switchboard.runtime.mail.MailboxService;
import io.switchboard.runtime.model.FlowDraft;
import io.switchboard.runtime.service.FlowService;
import java.util.List;
import io.switchboard.designer.ui.EmptyState;
import java.util.Map;

/** The IMAP mailboxes whose mail becomes threads: connection, where the mail goes, a connection test and the import log. */
final class MailboxesTab extends VerticalLayout {
  private final MailboxService mailboxes;
  private final FlowService flows;
  private final TicketChoices choices;
  private final Grid<MailboxService.View> grid = new Grid<>();
  private final EmptyState empty = new EmptyState("No mailboxes yet. Add the support address's IMAP mailbox and its mail "
      + "becomes threads.", "New mailbox", e -> edit(null));

  MailboxesTab(MailboxService mailboxes, FlowService flows, TicketChoices choices) {
    this.mailboxes = mailboxes;
    this.flows = flows;
    this.choices = choices;
    setSizeFull();
    Button add = new Button("New mailbox", VaadinIcon.PLUS.create(), e -> edit(null));
    add.setId("mailbox-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    grid.setId("mailboxes");
    grid.addColumn(MailboxService.View::address).setHeader("Address").setWidth("14rem").setFlexGrow(2)
        .setTooltipGenerator(MailboxService.View::address);
    grid.addColumn(m -> m.host() + ":" + m.port() + " · " + m.security()).setHeader("Server").setWidth("12rem").setFlexGrow(1);
    grid.addColumn(m -> choices.queues().getOrDefault(m.queue(), m.queue())).setHeader("Queue").setWidth("9rem").setFlexGrow(0);
    grid.addColumn(m -> m.enabled() ? "Every " + m.pollSeconds() + " s" : "Off").setHeader("Polling").setWidth("7rem").setFlexGrow(0);
    grid.addComponentColumn(m -> m.lastError() != null ? errorText(m.lastError())
        : m.lastPolledAt() == null ? new Span("Not polled yet")
        : TicketTexts.when(m.lastPolledAt().toEpochMilli(), choices.now()))
        .setHeader("Last poll").setWidth("8rem").setFlexGrow(1);
    grid.addComponentColumn(m -> {
      Button log = new Button("Log", e -> showLog(m));
      log.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      return new HorizontalLayout(log, AdminParts.rowActions(m.address(), () -> edit(m), () -> mailboxes.delete(m.id()),
          "Mailbox " + m.address() + " deleted", this::refresh));
    }).setWidth("12rem").setFlexGrow(0);
    grid.addItemDoubleClickListener(e -> edit(e.getItem()));
    grid.setSizeFull();
    empty.setId("mailboxes-empty");
    empty.addClassName("sb-empty");
    add(add, grid, empty);
  }

  void refresh() {
    List<MailboxService.View> all = mailboxes.list();
    grid.setItems(all);
    grid.setVisible(!all.isEmpty());
    empty.setVisible(all.isEmpty());
  }

  private static Span errorText(String error) {
    Span span = new Span(error);
    span.addClassName("sb-error");
    span.setTitle(error);
    return span;
  }

  private void edit(MailboxService.View current) {
    Dialog dialog = new Dialog(current == null ? "New mailbox" : "Mailbox " + current.address());
    TextField address = new TextField("Address");
    address.setId("mailbox-address");
    address.setPlaceholder("support@example.com");
    TextField host = new TextField("IMAP host");
    host.setId("mailbox-host");
    Select<String> security = new Select<>();
    security.setLabel("Security");
    security.setId("mailbox-security");
    security.setItems("ssl", "starttls", "none");
    security.setItemLabelGenerator(s -> switch (s) {
      case "ssl" -> "SSL/TLS";
      case "starttls" -> "STARTTLS";
      default -> "None (plain text)";
    });
    security.setValue("ssl");
    IntegerField port = new IntegerField("Port");
    port.setId("mailbox-port");
    port.setPlaceholder("993 with SSL, else 143");
    TextField username = new TextField("Username");
    username.setId("mailbox-username");
    PasswordField password = new PasswordField("Password");
    password.setId("mailbox-password");
    if (current != null && current.passwordSet()) {
      password.setPlaceholder("Leave empty to keep");
    }
    TextField folder = new TextField("Folder");
    folder.setId("mailbox-folder");
    folder.setValue("INBOX");
    Map<String, String> queues = choices.queues();
    ComboBox<String> queue = new ComboBox<>("Queue");
    queue.setId("mailbox-queue");
    queue.setItems(queues.keySet());
    queue.setItemLabelGenerator(id -> queues.getOrDefault(id, id));
    ComboBox<String> flow = new ComboBox<>("Flow (optional)");
    flow.setId("mailbox-flow");
    List<FlowDraft> all = flows.list();
    flow.setItems(all.stream().map(FlowDraft::id).toList());
    flow.setItemLabelGenerator(id -> all.stream().filter(f -> f.id().equals(id)).map(FlowDraft::name).findFirst().orElse(id));
    flow.setClearButtonVisible(true);
    flow.setHelperText("Empty: new mail opens a thread directly");
    IntegerField poll = new IntegerField("Poll every (seconds)");
    poll.setId("mailbox-poll");
    poll.setValue(60);
    Checkbox enabled = new Checkbox("Polling on", true);
    enabled.setId("mailbox-enabled");
    if (current != null) {
      address.setValue(current.address());
      host.setValue(current.host());
      security.setValue(current.security().name());
      port.setValue(current.port());
      username.setValue(current.username());
      folder.setValue(current.folder());
      queue.setValue(current.queue());
      flow.setValue(current.flowId());
      poll.setValue(current.pollSeconds());
      enabled.setValue(current.enabled());
    }
    FormLayout form = new FormLayout(address, host, security, port, username, password, folder, queue, flow, poll, enabled);
    Refusals refusals = new Refusals().field("host", host).field("port", port).field("username", username)
        .field("password", password).field("folder", folder).field("queue", queue).field("flowid", flow)
        .field("pollseconds", poll).field("address", address);
    Span tested = new Span();
    tested.setId("mailbox-test-result");
    java.util.function.Supplier<MailboxService.Settings> settings = () -> new MailboxService.Settings(address.getValue(),
        host.getValue(), port.getValue(), security.getValue(), username.getValue(),
        password.getValue().isEmpty() ? null : password.getValue(), folder.getValue(), queue.getValue(), flow.getValue(),
        poll.getValue(), enabled.getValue());
    Button test = new Button("Test connection", VaadinIcon.CONNECT.create(), e -> {
      tested.setText("");
      ImapConnector.TestResult result = refusals.attemptGet(() -> mailboxes.test(current == null ? null : current.id(),
          settings.get()));
      if (result != null) {
        tested.setText(result.ok() || result.message().startsWith("Could not") ? result.message()
            : "Could not connect: " + result.message());
        tested.setClassName(result.ok() ? "sb-ok" : "sb-error");
      }
    });
    test.setId("mailbox-test");
    HorizontalLayout testRow = new HorizontalLayout(test, tested);
    testRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    dialog.add(form, testRow, refusals.line());
    dialog.setWidth("720px");
    AdminParts.footer(dialog, "mailbox-save", () -> refusals.attempt(() -> {
      if (current == null) {
        mailboxes.create(settings.get());
      } else {
        mailboxes.update(current.id(), settings.get());
      }
    }), () -> {
      refresh();
      Notices.done("Mailbox " + address.getValue().strip() + " saved");
    });
    dialog.open();
  }

  private void showLog(MailboxService.View mailbox) {
    Dialog dialog = new Dialog("Recent mail in " + mailbox.address());
    Grid<MailImport> log = new Grid<>();
    log.setId("mailbox-log");
    long now = choices.now();
    log.addComponentColumn(i -> TicketTexts.when(i.at().toEpochMilli(), now)).setHeader("When").setWidth("8rem")
        .setFlexGrow(0);
    log.addColumn(i -> i.from() == null ? "" : i.from()).setHeader("From").setFlexGrow(1);
    log.addColumn(i -> i.subject() == null ? "" : i.subject()).setHeader("Subject").setFlexGrow(2);
    log.addColumn(i -> i.result() + (i.reason() == null ? "" : " · " + i.reason())).setHeader("What became of it")
        .setFlexGrow(2);
    log.addColumn(i -> i.threadNumber() == null ? "" : TicketTexts.number(i.threadNumber())).setHeader("Thread")
        .setWidth("6rem").setFlexGrow(0);
    List<MailImport> imports = mailboxes.log(mailbox.id(), 50);
    log.setItems(imports);
    log.setHeight("24rem");
    dialog.add(imports.isEmpty() ? new Div("Nothing imported yet. Mail appears here after the next poll.") : log);
    dialog.setWidth("900px");
    dialog.getFooter().add(new Button("Close", e -> dialog.close()));
    dialog.open();
  }
}
