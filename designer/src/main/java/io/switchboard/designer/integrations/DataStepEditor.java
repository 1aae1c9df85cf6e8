package io.switchboard.designer.integrations;

import io.switchboard.runtime.model.DataStepChange;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import io.switchboard.designer.ui.Notices;
import io.switchboard.designer.ui.Texts;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.DataStepService;
import io.switchboard.runtime.service.DataStepTester;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates or changes one data step: its request, inputs, outputs, resilience and authentication,
 * with its test beside the form so the answer is in view while the request is edited; deletes it
 * after naming the flows that call it.
 */
final class DataStepEditor extends VerticalLayout {
  private static final List<String> TYPES = List.of("string", "number", "boolean", "object", "array");

  private final DataStepService steps;
  private final DataStepTester tester;
  private final String user;
  private final Consumer<String> onChanged;
  private final H3 heading = new H3();
  private final Span details = new Span();
  private final TextField id = new TextField("Step id");
  private final TextField name = new TextField("Name");
  private final TextArea description = new TextArea("Description");
  private final Select<String> method = new Select<>();
  private final TextField url = new TextField("URL");
  private final RowsEditor query = new RowsEditor("step-query", "Query parameters (left out when empty)", "Add parameter",
      List.of(RowsEditor.Column.text("name", "Name", "10rem"), RowsEditor.Column.text("value", "Value", "20rem")));
  private final RowsEditor headers = new RowsEditor("step-headers", "Headers", "Add header",
      List.of(RowsEditor.Column.text("name", "Name", "10rem"), RowsEditor.Column.text("value", "Value", "20rem")));
  private final TextArea body = new TextArea("Body (JSON template)");
  private final RowsEditor inputs = new RowsEditor("step-inputs", "Inputs: what a flow gives the step, as input.<name>",
      "Add input", List.of(RowsEditor.Column.text("name", "Name", "9rem"), RowsEditor.Column.choice("type", "Type", TYPES),
          RowsEditor.Column.check("required", "Required"), RowsEditor.Column.text("example", "Example", "12rem")));
  private final RowsEditor outputs = new RowsEditor("step-outputs", "Outputs: variables the flow gets from the answer",
      "Add output", List.of(RowsEditor.Column.text("variable", "Variable", "9rem"), RowsEditor.Column.choice("type", "Type",
          TYPES), RowsEditor.Column.text("path", "JSONPath", "14rem")));
  private final IntegerField timeout = integer("step-timeout", "Give up after (ms)", "A slower answer counts as a failure");
  private final IntegerField attempts = integer("step-attempts", "Attempts", "1 means no retry");
  private final IntegerField backoff = integer("step-backoff", "First retry after (ms)", "Doubled before each further retry");
  private final IntegerField breakerWindow = integer("step-breaker-window", "Circuit breaker window (calls)",
      "Calls stop for a while when half of these last calls failed");
  private final IntegerField breakerOpen = integer("step-breaker-open", "Circuit breaker pause (ms)",
      "How long calls stay stopped before one is tried again");
  private final IntegerField maxBytes = integer("step-max-bytes", "Largest answer (bytes)", "A longer answer is a failure");
  private final StepAuthFields auth = new StepAuthFields("step-auth");
  private final UnorderedList problems = new UnorderedList();
  private final StepTestPanel test;
  private final Grid<DataStepChange> history = new Grid<>();
  private final Button delete = new Button("Delete");
  private Integer version;

  /**
   * @param onChanged told the id of the step saved, or null after it was deleted
   * @param onBack goes back to the list of steps
   */
  DataStepEditor(DataStepService steps, DataStepTester tester, String user, Consumer<String> onChanged, Runnable onBack) {
    this.steps = steps;
    this.tester = tester;
    this.user = user;
    this.onChanged = onChanged;
    setId("step-editor");
    setPadding(false);
    setSpacing(false);
    // the editor takes the view's height and its two columns scroll each on their own, the bar staying in view
    setSizeFull();
    getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m) 0").set("box-sizing", "border-box")
        .set("min-height", "0").set("overflow", "hidden");
    heading.setId("step-heading");
    heading.getStyle().set("margin", "0");
    details.setId("step-details");
    details.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
    id.setId("step-id");
    id.setHelperText("What flows name; lower-case letters, digits, - and _");
    name.setId("step-name");
    description.setId("step-description");
    description.setWidthFull();
    method.setId("step-method");
    method.setLabel("Method");
    method.setItems("GET", "POST", "PUT", "PATCH", "DELETE");
    url.setId("step-url");
    url.setWidthFull();
    url.setHelperText("e.g. https://crm.example.com/customers/{{ input.id }}; values in the URL are encoded, {{{ }}} inserts one as written");
    body.setId("step-body");
    body.setWidthFull();
    body.getStyle().set("font-family", "monospace");
    problems.setId("step-problems");
    problems.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
    problems.setVisible(false);
    FormLayout basics = new FormLayout(id, name, method, url);
    basics.setColspan(url, 2);
    basics.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24em", 2));
    FormLayout resilience = new FormLayout(timeout, attempts, backoff, breakerWindow, breakerOpen, maxBytes);
    Button save = new Button("Save", e -> save());
    save.setId("step-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    delete.setId("step-delete");
    delete.addThemeVariants(ButtonVariant.ERROR);
    delete.addClickListener(e -> confirmDelete());
    test = new StepTestPanel(this::runTest, inputs::rows);
    history.setId("step-history");
    history.addColumn(DataStepChange::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
    history.addColumn(DataStepChange::action).setHeader("Change").setAutoWidth(true).setFlexGrow(0);
    history.addColumn(DataStepChange::changes).setHeader("What").setFlexGrow(2);
    history.addColumn(c -> Texts.ago(Instant.ofEpochMilli(c.changedAt()), Instant.now())).setHeader("When");
    history.addColumn(c -> c.changedBy() == null ? "" : c.changedBy()).setHeader("Who");
    history.setAllRowsVisible(true);
    Button back = new Button("All data steps", VaadinIcon.ARROW_LEFT.create(), e -> onBack.run());
    back.setId("step-back");
    back.addThemeVariants(ButtonVariant.TERTIARY);
    VerticalLayout title = new VerticalLayout(heading, details);
    title.setPadding(false);
    title.setSpacing(false);
    HorizontalLayout bar = new HorizontalLayout(back, title, save, delete);
    bar.setWidthFull();
    bar.setAlignItems(FlexComponent.Alignment.CENTER);
    bar.expand(title);
    bar.getStyle().set("padding-bottom", "var(--lumo-space-s)").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");

    VerticalLayout form = new VerticalLayout(problems, basics, description, query, headers, body, inputs, outputs,
        new Details("Timeout, retries, circuit breaker, size limit", resilience), auth, new Details("History", history));
    form.setId("step-form");
    form.setPadding(false);
    form.getStyle().set("overflow", "auto").set("min-width", "0").set("padding-right", "var(--lumo-space-m)")
        .set("box-sizing", "border-box");
    test.getStyle().set("overflow", "auto").set("min-width", "0").set("padding-left", "var(--lumo-space-m)")
        .set("border-left", "1px solid var(--lumo-contrast-10pct)").set("box-sizing", "border-box");
    HorizontalLayout columns = new HorizontalLayout(form, test);
    columns.setWidthFull();
    columns.setSpacing(false);
    columns.getStyle().set("min-height", "0").set("overflow", "hidden").set("padding-top", "var(--lumo-space-s)");
    columns.setFlexGrow(3, form);
    columns.setFlexGrow(2, test);
    form.setWidth("0");
    test.setWidth("0");
    form.setHeightFull();
    test.setHeightFull();
    add(bar, columns);
    setFlexGrow(1, columns);
  }

  private static IntegerField integer(String id, String label, String help) {
    IntegerField field = new IntegerField(label);
    field.setId(id);
    field.setHelperText(help);
    return field;
  }

  /** An empty form for a new step. */
  void edit() {
    version = 0;
    heading.setText("New data step");
    details.setText("Saved as version 1; flows can call it once it is saved");
    fill(FlowJson.readTree("{\"method\": \"GET\", \"timeoutMs\": 5000, \"retry\": {\"maxAttempts\": 3, \"backoffMs\": 200},"
        + " \"breaker\": {\"window\": 10, \"openMs\": 30000}, \"maxResponseBytes\": 1048576}"), List.of());
    id.setReadOnly(false);
    delete.setVisible(false);
    history.setItems(List.of());
  }

  void edit(DataStepService.StepView step) {
    version = step.version();
    heading.setText(step.definition().name());
    details.setText("Version " + step.version() + " · changed " + IntegrationsView.changed(step) + " · "
        + uses(step).sentence());
    fill(FlowJson.mapper().valueToTree(step.definition()), step.secretsStored());
    id.setReadOnly(true);
    delete.setVisible(true);
    history.setItems(steps.history(step.definition().id()));
  }

  private void fill(JsonNode d, List<String> secretsStored) {
    id.setValue(d.path("id").asString(""));
    name.setValue(d.path("name").asString(""));
    description.setValue(d.path("description").asString(""));
    method.setValue(d.path("method").asString("GET"));
    url.setValue(d.path("url").asString(""));
    query.setRows(pairs(d.path("query")));
    headers.setRows(pairs(d.path("headers")));
    body.setValue(d.path("body").asString(""));
    inputs.setRows(list(d.path("inputs")));
    outputs.setRows(list(d.path("outputs")));
    timeout.setValue(d.path("timeoutMs").asInt(5000));
    attempts.setValue(d.path("retry").path("maxAttempts").asInt(3));
    backoff.setValue(d.path("retry").path("backoffMs").asInt(200));
    breakerWindow.setValue(d.path("breaker").path("window").asInt(10));
    breakerOpen.setValue(d.path("breaker").path("openMs").asInt(30000));
    maxBytes.setValue(d.path("maxResponseBytes").asInt(1 << 20));
    auth.show(d.path("auth").isObject() ? d.path("auth") : null, secretsStored);
    problems.removeAll();
    problems.setVisible(false);
    test.setInputs(inputs.rows());
  }

  private static List<Map<String, Object>> pairs(JsonNode map) {
    List<Map<String, Object>> rows = new ArrayList<>();
    map.properties().forEach(e -> rows.add(Map.of("name", e.getKey(), "value", e.getValue().asString(""))));
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(JsonNode array) {
    List<Map<String, Object>> rows = new ArrayList<>();
    array.forEach(item -> rows.add(FlowJson.mapper().convertValue(item, LinkedHashMap.class)));
    return rows;
  }

  /** The form as the API takes it. */
  private ObjectNode definition() {
    ObjectNode d = FlowJson.mapper().createObjectNode();
    d.put("id", id.getValue().strip());
    d.put("name", name.getValue().strip());
    if (!description.getValue().isBlank()) {
      d.put("description", description.getValue().strip());
    }
    d.put("method", method.getValue());
    d.put("url", url.getValue().strip());
    putPairs(d, "query", query.rows());
    putPairs(d, "headers", headers.rows());
    if (!body.getValue().isBlank()) {
      d.put("body", body.getValue());
    }
    d.set("inputs", FlowJson.mapper().valueToTree(withoutBlanks(inputs.rows())));
    d.set("outputs", FlowJson.mapper().valueToTree(withoutBlanks(outputs.rows())));
    putNumber(d, "timeoutMs", timeout);
    ObjectNode retry = d.putObject("retry");
    putNumber(retry, "maxAttempts", attempts);
    putNumber(retry, "backoffMs", backoff);
    ObjectNode breaker = d.putObject("breaker");
    putNumber(breaker, "window", breakerWindow);
    putNumber(breaker, "openMs", breakerOpen);
    putNumber(d, "maxResponseBytes", maxBytes);
    d.set("auth", auth.value());
    return d;
  }

  private static void putPairs(ObjectNode d, String key, List<Map<String, Object>> rows) {
    if (!rows.isEmpty()) {
      ObjectNode map = d.putObject(key);
      rows.forEach(r -> map.put(String.valueOf(r.get("name")), String.valueOf(r.get("value"))));
    }
  }

  private static List<Map<String, Object>> withoutBlanks(List<Map<String, Object>> rows) {
    List<Map<String, Object>> cleaned = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> copy = new LinkedHashMap<>();
      row.forEach((k, v) -> {
        if (!(v instanceof String s && s.isBlank())) {
          copy.put(k, v);
        }
      });
      cleaned.add(copy);
    }
    return cleaned;
  }

  private static void putNumber(ObjectNode node, String key, IntegerField field) {
    if (field.getValue() != null) {
      node.put(key, field.getValue());
    }
  }

  private void save() {
    problems.removeAll();
    problems.setVisible(false);
    try {
      DataStepService.StepView saved = version == 0 ? steps.create(definition(), user)
          : steps.update(id.getValue(), definition(), version, user);
      Notices.done("Saved as version " + saved.version());
      edit(saved);
      onChanged.accept(saved.definition().id());
    } catch (BadRequestException e) {
      // the form lists each problem beside the fields, besides the notice
      showProblems(e);
    }
  }

  private void showProblems(BadRequestException e) {
    problems.removeAll();
    problems.setVisible(false);
    if (e.problems().isEmpty()) {
      problems.add(new ListItem(e.getMessage()));
    }
    e.problems().forEach(p -> problems.add(new ListItem(p.message())));
    problems.setVisible(true);
    // the list sits at the top of the form, which may be scrolled down to the field last edited
    problems.getElement().executeJs("this.scrollIntoView({block: 'nearest'})");
    Notices.failed(e.problems().size() > 1 ? Texts.count(e.problems().size(), "problem") + " in the step, listed at the top"
        + " of the form" : e.getMessage());
  }

  private DataStepTester.Report runTest(Map<String, Object> values) {
    problems.removeAll();
    problems.setVisible(false);
    try {
      return tester.test(steps.unsaved(definition()), values);
    } catch (BadRequestException e) {
      showProblems(e);
      return new DataStepTester.Report(null, null, null, null, false, null, e.getMessage(), null, 0);
    }
  }

  private StepUses uses(DataStepService.StepView step) {
    return StepUses.of(step, steps.draftsUsing(step.definition().id()));
  }

  /**
   * Refused while a published flow calls the step (calls would fail at once); confirmed otherwise,
   * naming the drafts that will show a problem until they call another step.
   */
  private void confirmDelete() {
    String stepId = id.getValue();
    DataStepService.StepView step = steps.find(stepId).orElse(null);
    if (step == null) {
      onChanged.accept(null);
      return;
    }
    StepUses uses = uses(step);
    String quoted = StepUses.quoted(step.definition().name());
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setId("confirm-step-delete");
    if (!uses.published().isEmpty()) {
      dialog.setHeader(quoted + " cannot be deleted");
      dialog.setText(uses.sentence() + ". Publish " + (uses.published().size() == 1 ? "that flow" : "those flows")
          + " without it first.");
      dialog.setConfirmText("OK");
    } else {
      dialog.setHeader("Delete " + quoted + "?");
      dialog.setText((uses.none() ? "No flow calls it." : uses.sentence() + "; "
          + (uses.drafts().size() == 1 ? "that draft" : "those drafts") + " will show a problem until "
          + (uses.drafts().size() == 1 ? "it calls" : "they call") + " another step.") + " Its history is kept.");
      dialog.setCancelable(true);
      dialog.setConfirmText("Delete");
      dialog.setConfirmButtonTheme("error primary");
      dialog.addConfirmListener(e -> {
        Notices.attempt(() -> steps.delete(stepId, user), "Deleted " + quoted);
        onChanged.accept(null);
      });
    }
    dialog.open();
  }
}
