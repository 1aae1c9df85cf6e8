package io.switchboard.designer.routing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.runtime.desk.AgentState;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.Queue;
import io.switchboard.runtime.desk.QueueStats;
import io.switchboard.runtime.routing.AgentProfile;
import io.switchboard.runtime.routing.Region;
import io.switchboard.runtime.routing.RegionService;
import io.switchboard.runtime.routing.RoutingService;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What-if: the router's decision for an interaction described here, on the live agents or an edited
 * copy of them, with why each agent was passed over. Changes nothing. Below it, the staffing estimate.
 */
final class SimulatorTab extends VerticalLayout {
  private final RoutingService routing;
  private final DeskService desk;
  private final RegionService regions;
  private final RoutingChoices choices;
  private final Select<Queue> queue = new Select<>();
  private final TextField caller = new TextField("Caller's number");
  private final ComboBox<Region> region = new ComboBox<>("or region");
  private final Select<String> channel = new Select<>();
  private final Select<String> priority = new Select<>();
  private final ComboBox<String> preferred = new ComboBox<>("Preferred agent");
  private final IntegerField waited = new IntegerField("Waited (s)");
  private final RequirementRows skills;
  private final RequirementRows steps;
  private final Checkbox live = new Checkbox("Use live agents", true);
  private final Grid<SimulatedRow> agents = new Grid<>();
  private final Div verdict = new Div();
  private final Grid<Map<String, Object>> considered = new Grid<>();
  private final Div noQueue = new Div("No queues yet — create one on the Supervisor screen to simulate its routing.");

  /** An agent of the edited copy. */
  static final class SimulatedRow {
    final String username;
    String state;
    String skills;
    String absentReason = "";

    SimulatedRow(String username, String state, String skills) {
      this.username = username;
      this.state = state;
      this.skills = skills;
    }
  }

  SimulatorTab(RoutingService routing, DeskService desk, RegionService regions, RoutingChoices choices) {
    this.routing = routing;
    this.desk = desk;
    this.regions = regions;
    this.choices = choices;
    setPadding(false);
    queue.setLabel("Queue");
    queue.setId("sim-queue");
    queue.setItemLabelGenerator(Queue::name);
    queue.setWidth("14rem");
    caller.setId("sim-caller");
    caller.setPlaceholder("+48 22 555 01 00");
    region.setId("sim-region");
    region.setItemLabelGenerator(Region::name);
    region.setClearButtonVisible(true);
    channel.setLabel("Channel");
    channel.setId("sim-channel");
    channel.setItems("voice", "chat", "email");
    channel.setValue("voice");
    channel.setWidth("7rem");
    priority.setLabel("Priority");
    priority.setId("sim-priority");
    priority.setItems("low", "normal", "high", "urgent");
    priority.setValue("normal");
    priority.setWidth("7rem");
    preferred.setId("sim-preferred");
    preferred.setClearButtonVisible(true);
    waited.setId("sim-waited");
    waited.setValue(0);
    waited.setMin(0);
    waited.setWidth("7rem");
    skills = RequirementRows.skills(choices::skillsInUse);
    steps = RequirementRows.steps(() -> desk.queues().stream().map(s -> s.queue().id()).toList());
    live.setId("sim-live");
    live.addValueChangeListener(e -> agents.setVisible(!e.getValue()));

    agents.setId("sim-agents");
    agents.addColumn(r -> r.username).setHeader("Agent").setAutoWidth(true).setFlexGrow(0);
    agents.addComponentColumn(r -> {
      Select<String> state = new Select<>();
      state.setId("sim-state-" + r.username);
      state.setItems(java.util.Arrays.stream(AgentState.values()).map(AgentState::name).toList());
      state.setItemLabelGenerator(SimulatorTab::stateLabel);
      state.setValue(r.state);
      state.addValueChangeListener(e -> r.state = e.getValue());
      state.setWidthFull();
      return state;
    }).setHeader("State").setWidth("11rem").setFlexGrow(0);
    agents.addComponentColumn(r -> field("sim-skills-" + r.username, r.skills, v -> r.skills = v))
        .setHeader("Skills (name level, …)").setFlexGrow(2);
    agents.addComponentColumn(r -> field("sim-absent-" + r.username, r.absentReason, v -> r.absentReason = v))
        .setHeader("Absent because").setFlexGrow(1);
    agents.setAllRowsVisible(true);
    agents.setVisible(false);

    Button run = new Button("Run", e -> run());
    run.setId("sim-run");
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    verdict.setId("sim-verdict");
    verdict.addClassName("sb-routing-result");
    verdict.setText("Describe an interaction and press Run: the decision shows here. Nothing is changed.");
    considered.setId("sim-considered");
    considered.addColumn(m -> String.valueOf(m.get("agent"))).setHeader("Agent").setAutoWidth(true).setFlexGrow(0);
    considered.addColumn(m -> m.get("excluded") == null ? "chosen" : "passed over: " + m.get("excluded"))
        .setHeader("Outcome").setFlexGrow(1);
    considered.setAllRowsVisible(true);
    considered.setVisible(false);
    noQueue.addClassName("sb-routing-empty");
    noQueue.setId("sim-no-queue");

    HorizontalLayout who = new HorizontalLayout(queue, caller, region, channel, priority, preferred, waited);
    who.getStyle().set("flex-wrap", "wrap");
    VerticalLayout form = new VerticalLayout(noQueue, who, new H4("Skills asked"), skills, new H4("Expanding steps"),
        steps, live, agents, run);
    form.setPadding(false);
    form.addClassName("sb-routing-card");
    VerticalLayout answer = new VerticalLayout(new H4("Decision"), verdict, considered);
    answer.setPadding(false);
    answer.addClassName("sb-routing-card");
    add(form, answer, new StaffingCard(routing, () -> queue.getValue() == null ? null : queue.getValue().id()));
  }

  void refresh() {
    List<Queue> queues = desk.queues().stream().map(QueueStats::queue).toList();
    Queue chosen = queue.getValue();
    queue.setItems(queues);
    queue.setValue(chosen != null && queues.contains(chosen) ? chosen : queues.isEmpty() ? null : queues.getFirst());
    noQueue.setVisible(queues.isEmpty());
    region.setItems(regions.tree().regions());
    preferred.setItems(choices.agents());
    Map<String, AgentProfile> profiles = routing.profiles();
    Map<String, AgentState> states = new LinkedHashMap<>();
    desk.agents().forEach(a -> states.put(a.username(), a.state()));
    agents.setItems(choices.agents().stream().map(name -> new SimulatedRow(name,
        states.getOrDefault(name, AgentState.offline).name(),
        RoutingText.skills(profiles.containsKey(name) ? profiles.get(name).skills() : Map.of()))).toList());
  }

  private void run() {
    if (queue.getValue() == null) {
      verdict.setText("Pick a queue first.");
      return;
    }
    Map<String, Object> requirements = new LinkedHashMap<>();
    requirements.put("skills", skills.values());
    requirements.put("steps", steps.values());
    try {
      List<RoutingService.SimulatedAgent> copy = live.getValue() ? null : copy();
      Map<String, Object> decision = routing.simulate(new RoutingService.Simulation(queue.getValue().id(),
          channel.getValue(), blank(caller.getValue()), region.getValue() == null ? null : region.getValue().id(),
          priority.getValue(), preferred.getValue(), requirements, waited.getValue(), copy));
      show(decision);
    } catch (BadRequestException | NotFoundException refused) {
      verdict.setText(refused.getMessage());
      considered.setVisible(false);
    }
  }

  @SuppressWarnings("unchecked")
  private void show(Map<String, Object> decision) {
    verdict.removeAll();
    Object chosen = decision.get("chosen");
    verdict.add(line("Chosen", chosen == null ? "nobody" : String.valueOf(chosen)),
        line("Why", String.valueOf(decision.get("reason"))), line("Step", String.valueOf(decision.get("step"))),
        line("Caller's region", decision.get("callerRegion") == null ? "unknown (no region matches)"
            : String.valueOf(decision.get("callerRegion"))));
    considered.setItems((List<Map<String, Object>>) decision.get("considered"));
    considered.setVisible(true);
  }

  private List<RoutingService.SimulatedAgent> copy() {
    List<RoutingService.SimulatedAgent> copy = new ArrayList<>();
    agents.getListDataView().getItems().forEach(r -> copy.add(new RoutingService.SimulatedAgent(r.username, r.state,
        parseSkills(r.username, r.skills), null, null, null, null, blank(r.absentReason))));
    return copy;
  }

  /** {@code product:router 5, language:pl} → levels (a skill without a level is level 1). */
  static Map<String, Integer> parseSkills(String agent, String text) {
    Map<String, Integer> skills = new LinkedHashMap<>();
    for (String part : RoutingText.list(text == null ? "" : text)) {
      String[] words = part.split("\\s+");
      try {
        skills.put(words[0], words.length > 1 ? Integer.parseInt(words[1]) : 1);
      } catch (NumberFormatException e) {
        throw new BadRequestException("the skills of " + agent + " read like product:router 4, language:pl 5; '" + part
            + "' does not");
      }
    }
    return skills;
  }

  private static Div line(String label, String value) {
    Div row = new Div();
    row.addClassName("sb-routing-line");
    Div name = new Div(label);
    name.addClassName("sb-routing-muted");
    Div text = new Div(value);
    text.addClassName("sb-routing-value");
    row.add(name, text);
    return row;
  }

  private static TextField field(String id, String value, java.util.function.Consumer<String> changed) {
    TextField field = new TextField();
    field.setId(id);
    field.setValue(value == null ? "" : value);
    field.setWidthFull();
    field.addValueChangeListener(e -> changed.accept(e.getValue()));
    return field;
  }

  /** {@code after_call_work} → {@code After-call work}. */
  static String stateLabel(String state) {
    String words = state.equals("after_call_work") ? "after-call work" : state.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
