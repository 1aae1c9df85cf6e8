package io.switchboard.designer.routing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.QueueStats;
import io.switchboard.runtime.routing.RoutingService;
import io.switchboard.designer.ui.EmptyState;
import java.util.List;

/** Per queue, who takes its work, in order, when no member can. */
final class QueuesTab extends VerticalLayout {
  private final DeskService desk;
  private final RoutingService routing;
  private final RoutingChoices choices;

  QueuesTab(DeskService desk, RoutingService routing, RoutingChoices choices) {
    this.desk = desk;
    this.routing = routing;
    this.choices = choices;
    setPadding(false);
  }

  void refresh() {
    removeAll();
    List<QueueStats> queues = desk.queues();
    if (queues.isEmpty()) {
      EmptyState empty = new EmptyState("No queues yet — create one on the Supervisor screen, then choose its "
          + "substitutes here.", "Open the Supervisor screen", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(
              "desk/supervisor")));
      empty.setId("routing-no-queues");
      empty.addClassName("sb-routing-empty");
      add(empty);
    }
    List<String> agents = choices.agents();
    for (QueueStats stats : queues) {
      String id = stats.queue().id();
      OrderedNames substitutes = new OrderedNames("queue-sub-" + id, "Substitutes when no member of "
          + stats.queue().name() + " can take it (members: " + (stats.queue().members().isEmpty() ? "none"
          : String.join(", ", stats.queue().members())) + ")", agents, routing.queueSubstitutes(id),
          "No queue substitutes — work waits for a member.");
      Button save = new Button("Save", e -> {
        routing.putQueueSubstitutes(id, substitutes.names());
        Notices.done("Substitutes of " + stats.queue().name() + " saved");
      });
      save.setId("queue-sub-save-" + id);
      save.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
      VerticalLayout card = new VerticalLayout(new H4(stats.queue().name()), substitutes, save);
      card.addClassName("sb-routing-card");
      card.setSpacing(false);
      add(card);
    }
  }
}
