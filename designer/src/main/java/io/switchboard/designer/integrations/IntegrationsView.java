package io.switchboard.designer.integrations;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.ui.Texts;
import io.switchboard.runtime.service.DataStepService;
import io.switchboard.runtime.service.DataStepTester;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The integrators' screen: the registered data steps, and one of them opened in an editor that
 * takes the screen (the form beside its test), with a way back to the list.
 */
@Menu(title = "Integrations", order = 30, icon = "vaadin:connect")
@Route("integrations")
@PageTitle("Integrations · Switchboard")
@RolesAllowed({Role.INTEGRATOR, Role.ADMIN})
public class IntegrationsView extends VerticalLayout {
  private final DataStepService steps;
  private final Grid<Row> grid = new Grid<>();
  private final Div empty = new Div();
  private final VerticalLayout list = new VerticalLayout();
  private final DataStepEditor editor;
  private final String user;

  /** A step with the drafts that call it, as the list shows it. */
  record Row(DataStepService.StepView step, StepUses uses) {}

  public IntegrationsView(DataStepService steps, DataStepTester tester, AuthenticationContext authentication) {
    this.steps = steps;
    this.user = authentication.getPrincipalName().orElse(null);
    this.editor = new DataStepEditor(steps, tester, user, this::changed, this::showList);
    setSizeFull();
    setPadding(false);
    list.setSizeFull();
    list.getStyle().set("min-height", "0");

    grid.setId("step-grid");
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
    grid.addComponentColumn(IntegrationsView::nameCell).setHeader("Data step").setFlexGrow(3).setResizable(true);
    grid.addComponentColumn(IntegrationsView::requestCell).setHeader("Request").setFlexGrow(4).setResizable(true);
    grid.addColumn(r -> "v" + r.step().version()).setHeader("Version").setWidth("6rem").setFlexGrow(0)
        .setTextAlign(ColumnTextAlign.END);
    grid.addColumn(r -> changed(r.step())).setHeader("Changed").setWidth("11rem").setFlexGrow(0);
    grid.addColumn(r -> r.uses().none() ? "No flow" : capitalized(r.uses().flows())).setHeader("Used by").setFlexGrow(2);
    grid.addItemClickListener(e -> open(e.getItem().step()));
    grid.setSizeFull();

    Button create = new Button("New data step", VaadinIcon.PLUS.create(), e -> openNew());
    create.setId("new-step");
    create.addThemeVariants(ButtonVariant.PRIMARY);
    Button importOpenApi = importButton("import-openapi");

    emptyState();
    H2 title = new H2("Integrations");
    title.getStyle().set("margin", "0");
    Paragraph lead = new Paragraph("Data steps call your systems over HTTP; flows use them to look up and change data.");
    lead.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
    VerticalLayout heading = new VerticalLayout(title, lead);
    heading.setPadding(false);
    heading.setSpacing(false);
    HorizontalLayout top = new HorizontalLayout(heading, create, importOpenApi);
    top.setWidthFull();
    top.setAlignItems(FlexComponent.Alignment.CENTER);
    top.expand(heading);
    list.add(top, empty, grid);
    list.setFlexGrow(1, grid);
    add(list, editor);
    setFlexGrow(1, list, editor);
    showList();
  }

  private Button importButton(String id) {
    Button button = new Button("Import from OpenAPI", VaadinIcon.UPLOAD.create(),
        e -> new OpenApiImportDialog(steps, user, created -> {
          refresh();
          open(created.getFirst());
        }).open());
    button.setId(id);
    return button;
  }

  private void emptyState() {
    empty.setId("steps-empty");
    Span what = new Span("No data steps yet");
    what.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
    Paragraph next = new Paragraph("Describe a request by hand, or import the operations of an API from its OpenAPI document.");
    Button create = new Button("New data step", VaadinIcon.PLUS.create(), e -> openNew());
    create.setId("empty-new-step");
    create.addThemeVariants(ButtonVariant.PRIMARY);
    HorizontalLayout actions = new HorizontalLayout(create, importButton("empty-import-openapi"));
    actions.setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
    empty.add(what, next, actions);
    empty.setWidthFull();
    empty.getStyle().set("text-align", "center").set("padding", "var(--lumo-space-xl)")
        .set("border", "1px dashed var(--lumo-contrast-30pct)").set("border-radius", "var(--lumo-border-radius-l)")
        .set("box-sizing", "border-box");
  }

  private static Div nameCell(Row row) {
    Span name = new Span(row.step().definition().name());
    name.getStyle().set("font-weight", "600");
    String description = row.step().definition().description();
    Span details = new Span(row.step().definition().id() + (description == null || description.isBlank() ? ""
        : " · " + description));
    details.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
        .set("color", "var(--lumo-secondary-text-color)");
    return new Div(name, details);
  }

  private static Div requestCell(Row row) {
    Span method = new Span(row.step().definition().method());
    method.getElement().getThemeList().add("badge contrast small");
    method.getStyle().set("margin-right", "var(--lumo-space-xs)");
    Span url = new Span(row.step().definition().url());
    url.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("font-size", "var(--lumo-font-size-s)")
        .set("overflow-wrap", "anywhere");
    return new Div(method, url);
  }

  /** "5 min ago by ana". */
  static String changed(DataStepService.StepView step) {
    return Texts.ago(Instant.ofEpochMilli(step.updatedAt()), Instant.now())
        + (step.updatedBy() == null ? "" : " by " + step.updatedBy());
  }

  static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private void openNew() {
    editor.edit();
    showEditor();
  }

  private void open(DataStepService.StepView step) {
    editor.edit(step);
    showEditor();
  }

  private void showEditor() {
    list.setVisible(false);
    editor.setVisible(true);
  }

  private void showList() {
    refresh();
    editor.setVisible(false);
    list.setVisible(true);
  }

  /** After a save the editor stays on the saved step; after a delete the list comes back. */
  private void changed(String savedId) {
    if (savedId == null) {
      showList();
    } else {
      refresh();
    }
  }

  private void refresh() {
    Map<String, List<DataStepService.DraftUse>> drafts = steps.draftsByStep();
    List<Row> rows = steps.list().stream()
        .map(s -> new Row(s, StepUses.of(s, drafts.getOrDefault(s.definition().id(), List.of())))).toList();
    grid.setItems(rows);
    grid.setVisible(!rows.isEmpty());
    empty.setVisible(rows.isEmpty());
  }
}
