package io.switchboard.designer.desk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.runtime.desk.CallList;
import io.switchboard.runtime.desk.Queue;
import io.switchboard.runtime.service.BadRequestException;
import java.util.List;

/**
 * Creates or edits a call list: its id and name, the published call-list flow whose script the agents
 * follow, the queue whose agents call, and the retry rules. The call list service checks it; its
 * refusal is shown on the field it names, or on the dialog when it names none.
 */
final class CallListDialog extends Dialog {
  /** A published flow a call list can run: its trigger is a call-list entry. */
  record FlowChoice(String id, String name) {}

  /** What saving does: stores the list, or throws the service's refusal. */
  interface Saving {
    void save(String id, String name, String flowId, String queueId, Integer maxAttempts, Integer retryMinutes);
  }

  private final TextField id = new TextField("Id");
  private final TextField name = new TextField("Name");
  private final Select<FlowChoice> flow = new Select<>();
  private final Select<Queue> queue = new Select<>();
  private final IntegerField maxAttempts = new IntegerField("Maximum attempts");
  private final IntegerField retryMinutes = new IntegerField("Retry after (minutes)");
  private final Span error = new Span();

  CallListDialog(CallList existing, List<FlowChoice> flows, List<Queue> queues, Saving saving) {
    setHeaderTitle(existing == null ? "New call list" : "Edit call list " + existing.name());
    id.setId("call-list-id");
    id.setHelperText("lower-case letters, digits, - or _");
    name.setId("call-list-name");
    flow.setId("call-list-flow");
    flow.setLabel("Flow (its script)");
    flow.setItems(flows);
    flow.setItemLabelGenerator(FlowChoice::name);
    flow.setHelperText(flows.isEmpty() ? "No published flow starts from a call-list entry yet: publish one first"
        : "published flows whose trigger is a call-list entry");
    queue.setId("call-list-queue");
    queue.setLabel("Queue (its agents call)");
    queue.setItems(queues);
    queue.setItemLabelGenerator(Queue::name);
    queue.setHelperText(queues.isEmpty() ? "No queues yet: create one on the Supervisor screen first" : null);
    maxAttempts.setId("call-list-attempts");
    maxAttempts.setHelperText("no answer or busy counts as an attempt");
    retryMinutes.setId("call-list-retry");
    error.setId("call-list-error");
    error.addClassName("sb-desk-error");
    if (existing == null) {
      maxAttempts.setValue(3);
      retryMinutes.setValue(60);
    } else {
      id.setValue(existing.id());
      id.setReadOnly(true);
      name.setValue(existing.name());
      flows.stream().filter(f -> f.id().equals(existing.flowId())).findFirst().ifPresent(flow::setValue);
      queues.stream().filter(q -> q.id().equals(existing.queueId())).findFirst().ifPresent(queue::setValue);
      maxAttempts.setValue(existing.maxAttempts());
      retryMinutes.setValue(existing.retryMinutes());
    }
    FormLayout form = new FormLayout(id, name, flow, queue, maxAttempts, retryMinutes);
    add(form, error);
    setWidth("640px");
    Button ok = new Button("Save", e -> {
      clearErrors();
      if (flow.getValue() == null || queue.getValue() == null) {
        show(flow.getValue() == null ? "choose the flow whose script the agents follow" : "choose the queue whose agents call");
        return;
      }
      try {
        saving.save(id.getValue().strip(), name.getValue().strip(), flow.getValue() == null ? null : flow.getValue().id(),
            queue.getValue() == null ? null : queue.getValue().id(), maxAttempts.getValue(), retryMinutes.getValue());
        close();
      } catch (BadRequestException refused) {
        show(refused.getMessage());
      }
    });
    ok.setId("call-list-save");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", e -> close()), ok);
  }

  private void clearErrors() {
    id.setInvalid(false);
    name.setInvalid(false);
    flow.setInvalid(false);
    queue.setInvalid(false);
    maxAttempts.setInvalid(false);
    retryMinutes.setInvalid(false);
    error.setText("");
  }

  private void show(String message) {
    if (message.contains("call list id") || message.contains("exists already")) {
      id.setErrorMessage(message);
      id.setInvalid(true);
    } else if (message.contains("maxAttempts")) {
      maxAttempts.setErrorMessage(message.replace("maxAttempts", "the maximum attempts"));
      maxAttempts.setInvalid(true);
    } else if (message.contains("retryMinutes")) {
      retryMinutes.setErrorMessage(message.replace("retryMinutes", "the retry interval"));
      retryMinutes.setInvalid(true);
    } else if (message.contains("queue")) {
      queue.setErrorMessage(message);
      queue.setInvalid(true);
    } else if (message.contains("flow")) {
      flow.setErrorMessage(message);
      flow.setInvalid(true);
    } else if (message.contains("name")) {
      name.setErrorMessage(message);
      name.setInvalid(true);
    } else {
      error.setText(message);
    }
  }
}
