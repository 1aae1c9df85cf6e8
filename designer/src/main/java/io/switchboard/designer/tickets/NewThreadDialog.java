package io.switchboard.designer.tickets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.runtime.tickets.Ticket;
import io.switchboard.runtime.tickets.TicketService;
import java.util.Map;
import java.util.function.Consumer;

/** A thread a person opens by hand: subject, who it is about, queue, priority and a first note. */
final class NewThreadDialog extends Dialog {

  NewThreadDialog(TicketService tickets, Map<String, String> queues, String user, Consumer<Ticket> opened) {
    setHeaderTitle("New thread");
    TextField subject = new TextField("Subject");
    subject.setId("new-subject");
    TextField name = new TextField("Customer name");
    name.setId("new-name");
    EmailField email = new EmailField("E-mail");
    email.setId("new-email");
    TextField phone = new TextField("Phone");
    phone.setId("new-phone");
    ComboBox<String> queue = new ComboBox<>("Queue");
    queue.setId("new-queue");
    queue.setItems(queues.keySet());
    queue.setItemLabelGenerator(id -> queues.getOrDefault(id, id));
    queue.setClearButtonVisible(true);
    Select<String> priority = new Select<>();
    priority.setLabel("Priority");
    priority.setId("new-priority");
    priority.setItems(TicketService.PRIORITIES);
    priority.setItemLabelGenerator(TicketTexts::priority);
    priority.setValue("normal");
    TextArea note = new TextArea("First note");
    note.setId("new-note");
    note.setPlaceholder("What is it about? Only colleagues see notes.");
    FormLayout form = new FormLayout(subject, name, email, phone, queue, priority, note);
    form.setColspan(subject, 2);
    form.setColspan(note, 2);
    Refusals refusals = new Refusals().field("subject", subject).field("e-mail", email).field("phone", phone)
        .field("queue", queue).field("priority", priority).field("note", note);
    add(form, refusals.line());
    setWidth("640px");
    Button create = new Button("Open thread", e -> {
      Ticket thread = refusals.attemptGet(() -> tickets.open(new TicketService.NewThread(subject.getValue(),
          name.getValue(), email.getValue(), phone.getValue(), queue.getValue(), priority.getValue(), null,
          note.getValue()), user));
      if (thread != null) {
        close();
        opened.accept(thread);
      }
    });
    create.setId("new-open");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", e -> close()), create);
  }
}
