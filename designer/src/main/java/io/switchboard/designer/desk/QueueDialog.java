package io.switchboard.designer.desk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.runtime.desk.Queue;
import io.switchboard.runtime.service.BadRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Creates or edits a queue. The desk service checks it; its refusal is shown on the field it names,
 * or on the dialog when it names none.
 */
final class QueueDialog extends Dialog {
  private final TextField id = new TextField("Id");
  private final TextField name = new TextField("Name");
  private final MultiSelectComboBox<String> members = new MultiSelectComboBox<>("Members (agents)");
  private final IntegerField maxWait = new IntegerField("Maximum wait (s)");
  private final IntegerField afterCallWork = new IntegerField("After-call work (s)");
  private final TextField codes = new TextField("Wrap-up codes (comma-separated)");
  private final Span error = new Span();

  QueueDialog(Queue existing, List<String> agents, Consumer<Queue> save) {
    setHeaderTitle(existing == null ? "New queue" : "Edit queue " + existing.name());
    id.setId("queue-id");
    id.setHelperText("lower-case letters, digits, - or _; flows name the queue by it");
    name.setId("queue-name");
    members.setId("queue-members");
    members.setItems(agents);
    maxWait.setId("queue-max-wait");
    afterCallWork.setId("queue-acw");
    codes.setId("queue-codes");
    error.setId("queue-error");
    error.addClassName("sb-desk-error");
    if (existing == null) {
      maxWait.setValue(300);
      afterCallWork.setValue(30);
    } else {
      id.setValue(existing.id());
      id.setReadOnly(true);
      name.setValue(existing.name());
      members.setValue(existing.members());
      maxWait.setValue(existing.maxWaitSeconds());
      afterCallWork.setValue(existing.afterCallWorkSeconds());
      codes.setValue(String.join(", ", existing.wrapUpCodes()));
    }
    FormLayout form = new FormLayout(id, name, members, maxWait, afterCallWork, codes);
    form.setColspan(members, 2);
    form.setColspan(codes, 2);
    add(form, error);
    setWidth("640px");
    Button ok = new Button("Save", e -> {
      clearErrors();
      try {
        save.accept(new Queue(id.getValue().strip(), name.getValue().strip(), List.copyOf(members.getValue()),
            maxWait.getValue() == null ? 0 : maxWait.getValue(),
            afterCallWork.getValue() == null ? -1 : afterCallWork.getValue(),
            Arrays.stream(codes.getValue().split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList()));
        close();
      } catch (BadRequestException refused) {
        show(refused.getMessage());
      }
    });
    ok.setId("queue-save");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", e -> close()), ok);
  }

  private void clearErrors() {
    for (var field : List.of(id, name, codes)) {
      field.setInvalid(false);
    }
    maxWait.setInvalid(false);
    afterCallWork.setInvalid(false);
    members.setInvalid(false);
    error.setText("");
  }

  private void show(String message) {
    if (message.contains("queue id")) {
      id.setErrorMessage(message);
      id.setInvalid(true);
    } else if (message.contains("name")) {
      name.setErrorMessage(message);
      name.setInvalid(true);
    } else if (message.contains("maxWaitSeconds")) {
      maxWait.setErrorMessage(message.replace("maxWaitSeconds", "the maximum wait"));
      maxWait.setInvalid(true);
    } else if (message.contains("afterCallWorkSeconds")) {
      afterCallWork.setErrorMessage(message.replace("afterCallWorkSeconds", "after-call work"));
      afterCallWork.setInvalid(true);
    } else if (message.contains("member") || message.contains("user")) {
      members.setErrorMessage(message);
      members.setInvalid(true);
    } else if (message.contains("wrap-up")) {
      codes.setErrorMessage(message);
      codes.setInvalid(true);
    } else {
      error.setText(message);
    }
  }
}
