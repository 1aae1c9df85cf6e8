package io.switchboard.designer.desk;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.switchboard.designer.ui.Texts;
import io.switchboard.runtime.desk.EarlierInteraction;
import io.switchboard.runtime.desk.Note;
import io.switchboard.runtime.model.Alert;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The read-only areas of the workspace: account info, alerts, notes and the customer's earlier interactions. */
final class DeskPanels {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneId.systemDefault());

  private DeskPanels() {}

  /** A titled area that scrolls inside itself, so the workspace never scrolls as a page. */
  static VerticalLayout area(String id, String title) {
    VerticalLayout area = new VerticalLayout();
    area.setId(id);
    area.addClassName("sb-desk-area");
    area.setPadding(false);
    area.setSpacing(false);
    area.add(new H4(title));
    return area;
  }

  static Component account(List<DeskWorkspace.Row> rows) {
    Div list = new Div();
    list.setId("account-rows");
    list.addClassName("sb-desk-rows");
    if (rows.isEmpty()) {
      list.add(muted("The flow shows the agent no variables."));
    }
    for (DeskWorkspace.Row row : rows) {
      Span label = new Span(row.label());
      label.addClassName("sb-desk-label");
      Span value = new Span(row.value());
      value.addClassName("sb-desk-value");
      list.add(label, value);
    }
    return list;
  }

  static Component alerts(List<Alert> alerts) {
    Div list = new Div();
    list.setId("alert-list");
    if (alerts.isEmpty()) {
      list.add(muted("No alerts for this interaction."));
    }
    for (Alert alert : alerts) {
      Div item = new Div(new Span(alert.message()));
      item.addClassNames("sb-desk-alert", "sb-desk-alert-" + alert.severity());
      list.add(item);
    }
    return list;
  }

  static Component notes(List<Note> notes) {
    Div list = new Div();
    list.setId("note-list");
    for (Note note : notes) {
      Div item = new Div();
      item.addClassName("sb-desk-note");
      Span meta = new Span(note.author() + " · " + WHEN.format(Instant.ofEpochMilli(note.createdAt())));
      meta.addClassName("sb-desk-muted");
      item.add(meta, new Div(note.body()));
      list.add(item);
    }
    return list;
  }

  static Component earlier(List<EarlierInteraction> earlier) {
    Div list = new Div();
    list.setId("earlier-list");
    if (earlier.isEmpty()) {
      list.add(muted("No earlier interactions with this customer."));
    }
    for (EarlierInteraction e : earlier) {
      Div item = new Div();
      item.addClassName("sb-desk-earlier");
      item.add(new Div(WHEN.format(Instant.ofEpochMilli(e.createdAt())) + " · " + Texts.channel(e.channel()) + " · " + e.status()));
      Span detail = new Span((e.outcome() == null ? e.flowId() : e.outcome()) + (e.agent() == null ? "" : " · " + e.agent()));
      detail.addClassName("sb-desk-muted");
      item.add(detail);
      list.add(item);
    }
    return list;
  }

  /** A screen's heading with its main action beside it. */
  static HorizontalLayout heading(String title, String actionId, String action, Runnable run) {
    Button button = new Button(action, e -> run.run());
    button.setId(actionId);
    button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout head = new HorizontalLayout(new H3(title), button);
    head.setAlignItems(FlexComponent.Alignment.BASELINE);
    return head;
  }

  static Span muted(String text) {
    Span span = new Span(text);
    span.addClassName("sb-desk-muted");
    return span;
  }

  static String state(io.switchboard.runtime.desk.AgentState state) {
    return switch (state) {
      case available -> "Available";
      case busy -> "Busy";
      case after_call_work -> "After-call work";
      case away -> "Away";
      case offline -> "Offline";
    };
  }
}
