package io.switchboard.designer.desk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.switchboard.runtime.desk.CallListEntry;
import io.switchboard.runtime.desk.CallOutcome;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How a call-list call went: one button per outcome while the agent holds the call (a call back with
 * its date and time), then the outcome recorded. The call list's refusal is shown here, inline.
 */
final class CallPanel extends VerticalLayout {
  /** What recording does: saves the outcome, or throws the call list's refusal. */
  interface Recording {
    CallListEntry record(CallOutcome outcome, Long callBackAt);
  }

  private static final List<CallOutcome> DIRECT = List.of(CallOutcome.reached, CallOutcome.no_answer, CallOutcome.busy,
      CallOutcome.wrong_number, CallOutcome.done);

  private final H4 title = new H4("Call outcome");
  private final Span error = new Span();

  /**
   * @param entry the call's entry, null when the call list no longer knows it
   * @param mayRecord whether the agent had the call and has not wrapped it up, and so may record its outcome
   */
  CallPanel(CallListEntry entry, boolean mayRecord, long now, Recording recording) {
    setId("call-panel");
    addClassName("sb-desk-call");
    setPadding(false);
    setSpacing(false);
    title.addClassName("sb-desk-title");
    add(title);
    if (entry == null || !entry.status().equals("dialling")) {
      showRecorded(entry);
    } else if (mayRecord) {
      showButtons(now, recording);
    } else {
      add(DeskPanels.muted("No outcome was recorded for this call; the call list will try the contact again."));
    }
  }

  private void showButtons(long now, Recording recording) {
    FlexLayout buttons = new FlexLayout();
    buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    buttons.setAlignItems(Alignment.BASELINE);
    buttons.getStyle().set("gap", "var(--lumo-space-s)");
    for (CallOutcome outcome : DIRECT) {
      Button button = new Button(CallListLabels.outcome(outcome), e -> record(recording, outcome, null));
      button.setId("outcome-" + outcome.name());
      buttons.add(button);
    }
    DateTimePicker at = new DateTimePicker();
    at.setId("call-back-at");
    at.setAriaLabel("Call back at");
    at.setStep(java.time.Duration.ofMinutes(15));
    LocalDateTime inAnHour = LocalDateTime.ofInstant(Instant.ofEpochMilli(now), ZoneId.systemDefault())
        .plusHours(1).truncatedTo(ChronoUnit.MINUTES);
    at.setValue(inAnHour);
    at.setMin(inAnHour.minusHours(1));
    Button callBack = new Button("Call back at", e -> record(recording, CallOutcome.call_back,
        at.getValue() == null ? null : at.getValue().atZone(ZoneId.systemDefault()).toInstant().toEpochMilli()));
    callBack.setId("outcome-call_back");
    callBack.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
    Div later = new Div(callBack, at);
    later.addClassName("sb-desk-call-back");
    buttons.add(later);
    error.setId("call-outcome-error");
    error.addClassName("sb-desk-error");
    error.setVisible(false);
    add(buttons, error);
  }

  private void record(Recording recording, CallOutcome outcome, Long callBackAt) {
    try {
      CallListEntry entry = recording.record(outcome, callBackAt);
      removeAll();
      add(title);
      showRecorded(entry);
    } catch (BadRequestException | ConflictException refused) {
      error.setText(refused.getMessage());
      error.setVisible(true);
    }
  }

  private void showRecorded(CallListEntry entry) {
    Span recorded = new Span(entry == null || entry.lastOutcome() == null ? "No outcome recorded."
        : "Recorded: " + CallListLabels.recorded(entry) + ". End the call, then wrap up.");
    recorded.setId("call-outcome-recorded");
    recorded.addClassName("sb-desk-value");
    add(recorded);
  }
}
