package io.switchboard.designer.desk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import io.switchboard.runtime.desk.Queue;
import java.util.List;
import java.util.function.BiConsumer;

/** Hands the interaction to a queue, or to one agent first (within a queue). */
final class TransferDialog extends Dialog {
  TransferDialog(List<Queue> queues, String currentQueue, List<String> agents, BiConsumer<String, String> transfer) {
    setHeaderTitle("Transfer");
    Select<Queue> queue = new Select<>();
    queue.setLabel("Queue");
    queue.setId("transfer-queue");
    queue.setItems(queues);
    queue.setItemLabelGenerator(Queue::name);
    queues.stream().filter(q -> q.id().equals(currentQueue)).findFirst().ifPresent(queue::setValue);
    ComboBox<String> agent = new ComboBox<>("Agent (optional: offered first)");
    agent.setId("transfer-agent");
    agent.setItems(agents);
    agent.setClearButtonVisible(true);
    add(queue, agent);
    Button go = new Button("Transfer", e -> {
      transfer.accept(queue.getValue() == null ? null : queue.getValue().id(), agent.getValue());
      close();
    });
    go.setId("transfer-confirm");
    go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", e -> close()), go);
  }
}
