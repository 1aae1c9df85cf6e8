package io.switchboard.designer.flows;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/** Asks for a flow's name. */
final class FlowNameDialog extends Dialog {
  FlowNameDialog(String title, String initial, Consumer<String> onSave) {
    setHeaderTitle(title);
    TextField name = new TextField("Name");
    name.setId("flow-name");
    name.setValue(initial);
    name.setWidth("24rem");
    name.setRequired(true);
    name.setMaxLength(200);
    add(name);
    Button save = new Button("Save", e -> {
      if (name.getValue().isBlank()) {
        name.setInvalid(true);
        name.setErrorMessage("A flow needs a name");
        return;
      }
      onSave.accept(name.getValue().strip());
      close();
    });
    save.setId("flow-name-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    save.addClickShortcut(Key.ENTER);
    getFooter().add(new Button("Cancel", e -> close()), save);
    addOpenedChangeListener(e -> name.focus());
  }
}
