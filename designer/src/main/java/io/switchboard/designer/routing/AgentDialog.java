package io.switchboard.designer.routing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.runtime.routing.Absence;
import io.switchboard.runtime.routing.AgentProfile;
import io.switchboard.runtime.routing.Region;
import io.switchboard.runtime.routing.RoutingService;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.NotFoundException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One agent's routing profile (skills, regions, capacity per channel, substitutes in order) and their
 * absences. The routing service checks everything; its refusal is shown on the dialog.
 */
final class AgentDialog extends Dialog {
  private static final List<String> REASONS = List.of("sick", "leave", "standby", "other");
  private final RoutingService routing;
  private final String agent;
  private final String by;
  private final ZoneId zone;
  private final SkillRows skills;
  private final MultiSelectComboBox<Region> regions = new MultiSelectComboBox<>("Regions served");
  private final IntegerField voice = capacity("Voice", "capacity-voice");
  private final IntegerField chat = capacity("Chat", "capacity-chat");
  private final IntegerField email = capacity("E-mail", "capacity-email");
  private final OrderedNames substitutes;
  private final VerticalLayout absences = new VerticalLayout();
  private final Span error = new Span();
  private final Runnable changed;

  AgentDialog(RoutingService routing, RoutingChoices choices, List<Region> tree, AgentProfile profile, String by,
      ZoneId zone, Runnable saved) {
    this.routing = routing;
    this.agent = profile.username();
    this.by = by;
    this.zone = zone;
    this.changed = saved;
    setHeaderTitle("Routing of " + agent);
    setWidth("760px");
    skills = new SkillRows("skill", choices.skillsInUse(), profile.skills());
    regions.setId("agent-regions");
    regions.setItems(tree);
    regions.setItemLabelGenerator(Region::name);
    regions.setValue(tree.stream().filter(r -> profile.regions().contains(r.id())).toList());
    regions.setWidthFull();
    regions.setHelperText(tree.isEmpty() ? "No regions yet — add them on the Regions tab" : "Empty: serves every region");
    voice.setValue(profile.capacity().getOrDefault("voice", 1));
    chat.setValue(profile.capacity().getOrDefault("message", 3));
    email.setValue(profile.capacity().getOrDefault("email", 5));
    substitutes = new OrderedNames("substitute", "Substitutes, in order (take the agent's work when they are away)",
        choices.agents().stream().filter(a -> !a.equals(agent)).toList(), profile.substitutes(),
        "No substitutes — when absent, the rest of the queue takes the work.");
    error.setId("agent-error");
    error.addClassName("sb-routing-error");
    absences.setPadding(false);
    absences.setSpacing(false);
    absences.setId("agent-absences");

    HorizontalLayout capacity = new HorizontalLayout(voice, chat, email);
    VerticalLayout body = new VerticalLayout(section("Skills"), skills, regions, section("Capacity per channel"), capacity,
        substitutes, section("Absences"), absences, absenceAdder(), error);
    body.setPadding(false);
    add(body);
    showAbsences();

    Button save = new Button("Save", e -> {
      error.setText("");
      try {
        Map<String, Integer> perChannel = new LinkedHashMap<>();
        perChannel.put("voice", orMinus(voice));
        perChannel.put("chat", orMinus(chat));
        perChannel.put("email", orMinus(email));
        routing.putProfile(agent, skills.skills(), regions.getValue().stream().map(Region::id).toList(), perChannel,
            substitutes.names());
        saved.run();
        close();
      } catch (BadRequestException | NotFoundException refused) {
        error.setText(refused.getMessage());
      }
    });
    save.setId("agent-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", e -> close()), save);
  }

  private HorizontalLayout absenceAdder() {
    LocalDateTime start = LocalDateTime.now(zone).truncatedTo(ChronoUnit.HOURS);
    DateTimePicker from = new DateTimePicker("From (" + zone.getId() + ")");
    from.setId("absence-from");
    from.setValue(start);
    DateTimePicker to = new DateTimePicker("To");
    to.setId("absence-to");
    to.setValue(start.plusDays(1));
    Select<String> reason = new Select<>();
    reason.setLabel("Reason");
    reason.setId("absence-reason");
    reason.setItems(REASONS);
    reason.setValue("sick");
    reason.setWidth("8rem");
    TextField other = new TextField("Other reason");
    other.setId("absence-other");
    other.setVisible(false);
    other.setWidth("9rem");
    reason.addValueChangeListener(e -> other.setVisible("other".equals(e.getValue())));
    Button add = new Button("Add absence", e -> {
      error.setText("");
      try {
        String why = "other".equals(reason.getValue()) ? other.getValue() : reason.getValue();
        routing.addAbsence(agent, millis(from.getValue()), millis(to.getValue()), why, by);
        showAbsences();
        changed.run();
      } catch (BadRequestException | NotFoundException refused) {
        error.setText(refused.getMessage());
      }
    });
    add.setId("absence-add");
    HorizontalLayout row = new HorizontalLayout(from, to, reason, other, add);
    row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    row.getStyle().set("flex-wrap", "wrap");
    return row;
  }

  private void showAbsences() {
    absences.removeAll();
    List<Absence> list = routing.absences(agent);
    if (list.isEmpty()) {
      Div empty = new Div("No absences — add one below when the agent is sick, on leave or on standby.");
      empty.addClassName("sb-routing-muted");
      absences.add(empty);
    }
    for (Absence absence : list) {
      Span text = new Span(RoutingText.absence(absence, zone));
      Button remove = new Button("Remove", e -> {
        routing.deleteAbsence(agent, absence.id());
        showAbsences();
        changed.run();
      });
      remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      HorizontalLayout row = new HorizontalLayout(text, remove);
      row.setAlignItems(HorizontalLayout.Alignment.CENTER);
      row.addClassName("sb-routing-absence");
      absences.add(row);
    }
  }

  private Long millis(LocalDateTime value) {
    return value == null ? null : value.atZone(zone).toInstant().toEpochMilli();
  }

  private static int orMinus(IntegerField field) {
    return field.getValue() == null ? -1 : field.getValue();
  }

  private static IntegerField capacity(String label, String id) {
    IntegerField field = new IntegerField(label);
    field.setId(id);
    field.setMin(0);
    field.setMax(50);
    field.setStepButtonsVisible(true);
    field.setWidth("8rem");
    return field;
  }

  private static H4 section(String title) {
    H4 h = new H4(title);
    h.addClassName("sb-routing-section");
    return h;
  }
}
