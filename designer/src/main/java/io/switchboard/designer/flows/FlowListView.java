package io.switchboard.designer.flows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.designer.ui.EmptyState;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.model.UserAccount;
import io.switchboard.runtime.service.FlowService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The flows: search, create (empty or from a reference flow), open, rename, duplicate, delete; what
 * starts each, its state, errors, last publication and last change. {@code ?create=flow} or
 * {@code ?create=template} opens the matching dialog (Home's buttons lead here).
 */
@Menu(title = "Flows", order = 20, icon = "vaadin:flip-v")
@Route("flows")
@PageTitle("Flows · Switchboard")
@RolesAllowed({Role.DESIGNER, Role.ADMIN})
public class FlowListView extends VerticalLayout implements BeforeEnterObserver {
  /** The query parameter Home links here with: {@code flow} or {@code template}. */
  public static final String CREATE = "create";

  private final FlowService flows;
  private final UserAccounts accounts;
  private final String user;
  private final Grid<FlowSummaries.Summary> grid = new Grid<>();
  private final TextField search = new TextField();
  private Map<String, String> names = Map.of();
  private Instant now = Instant.now();
  private final EmptyState noFlows;
  private final EmptyState noMatch = new EmptyState("No flow's name contains these words.", "Clear the search",
      e -> search.clear());

  public FlowListView(FlowService flows, UserAccounts accounts, AuthenticationContext authentication) {
    this.flows = flows;
    this.accounts = accounts;
    this.user = authentication.getPrincipalName().orElse(null);
    setSizeFull();

    search.setPlaceholder("Search by name");
    search.setId("flow-search");
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> refresh());
    Button create = new Button("New flow", e -> newFlow());
    create.setId("new-flow");
    create.addThemeVariants(ButtonVariant.PRIMARY);
    Button fromTemplate = new Button("New from template", e -> newFromTemplate());
    fromTemplate.setId("new-from-template");

    grid.setId("flow-grid");
    // long names, addresses and "Published v3, draft changed" wrap rather than end in "…" at 1366 px
    grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
    grid.addComponentColumn(FlowListView::name).setHeader("Name").setFlexGrow(3)
        .setComparator(s -> s.draft().name().toLowerCase(Locale.ROOT)).setSortable(true);
    // an e-mail address is one long word: it wraps where it must rather than end in "…"
    grid.addComponentColumn(s -> {
      Span trigger = new Span(s.trigger());
      trigger.getStyle().set("overflow-wrap", "anywhere");
      return trigger;
    }).setHeader("Channel and address").setFlexGrow(3)
        .setTooltipGenerator(FlowSummaries.Summary::trigger);
    grid.addColumn(FlowSummaries.Summary::state).setHeader("State").setFlexGrow(2);
    grid.addComponentColumn(FlowListView::errors).setHeader("Errors").setWidth("7.5rem").setFlexGrow(0);
    grid.addColumn(s -> s.lastPublished(now)).setHeader("Last published").setFlexGrow(1);
    grid.addColumn(s -> s.lastChange(now, this::shownName)).setHeader("Last change").setFlexGrow(2)
        .setComparator(s -> -s.draft().updatedAt()).setSortable(true);
    grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
    grid.addItemDoubleClickListener(e -> open(e.getItem()));
    noFlows = new EmptyState("No flows yet. A flow decides what happens to a call, a message or an e-mail: "
        + "start from an empty canvas or from one of the reference flows.", "New flow", e -> newFlow());

    HorizontalLayout tools = new HorizontalLayout(search, create, fromTemplate);
    add(new H2("Flows"), tools, grid);
    setFlexGrow(1, grid);
    refresh();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    List<String> asked = event.getLocation().getQueryParameters().getParameters().getOrDefault(CREATE, List.of());
    if (asked.contains("flow")) {
      newFlow();
    } else if (asked.contains("template")) {
      newFromTemplate();
    }
  }

  private void newFlow() {
    new FlowNameDialog("New flow", "", name -> {
      String id = freshId(name);
      run(() -> flows.saveDraft(id, FlowTemplates.empty(id, name), user, null), "Created " + name);
      open(id); // a new flow is made to be drawn: straight to its canvas, as one from a template
    }).open();
  }

  private void newFromTemplate() {
    new TemplateDialog((template, name) -> {
      String id = freshId(name);
      run(() -> flows.saveDraft(id, FlowTemplates.copy(template, id, name), user, null), "Created " + name);
      open(id);
    }).open();
  }

  private String freshId(String name) {
    return FlowIds.fresh(name, candidate -> flows.list().stream().anyMatch(d -> d.id().equals(candidate)));
  }

  private static Div name(FlowSummaries.Summary summary) {
    Span id = new Span(summary.draft().id());
    id.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
    Div cell = new Div(new Div(summary.draft().name()), id);
    cell.getStyle().set("line-height", "1.3").set("white-space", "normal");
    return cell;
  }

  private static Span errors(FlowSummaries.Summary summary) {
    Span errors = new Span(summary.errors());
    errors.getElement().getThemeList().add(summary.errorCount() > 0 ? "badge error" : "badge success");
    return errors;
  }

  private HorizontalLayout actions(FlowSummaries.Summary summary) {
    String id = summary.draft().id();
    String name = summary.draft().name();
    Button open = new Button("Open", e -> open(id));
    open.setId("open-" + id);
    Button rename = icon(VaadinIcon.EDIT, "Rename", "rename-" + id, () -> new FlowNameDialog("Rename flow", name,
        chosen -> run(() -> flows.rename(id, chosen, user), "Renamed to " + chosen)).open());
    Button duplicate = icon(VaadinIcon.COPY_O, "Duplicate", "duplicate-" + id, () -> new FlowNameDialog("Duplicate flow",
        "Copy of " + name, chosen -> run(() -> flows.duplicate(id, freshId(chosen), chosen, user),
            "Duplicated as " + chosen)).open());
    Button delete = icon(VaadinIcon.TRASH, "Delete", "delete-" + id, () -> confirmDelete(id, name));
    delete.addThemeVariants(ButtonVariant.ERROR);
    for (Button b : List.of(open, rename, duplicate, delete)) {
      b.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
    }
    HorizontalLayout actions = new HorizontalLayout(open, rename, duplicate, delete);
    actions.setSpacing(false);
    return actions;
  }

  private static Button icon(VaadinIcon icon, String label, String id, Runnable action) {
    Button button = new Button(icon.create(), e -> action.run());
    button.setId(id);
    button.setTooltipText(label);
    button.setAriaLabel(label);
    return button;
  }

  private void confirmDelete(String id, String name) {
    ConfirmDialog dialog = new ConfirmDialog("Delete “" + name + "”?",
        "The flow, its draft and all its published versions will be deleted. This cannot be undone.", "Delete",
        e -> run(() -> flows.delete(id), "Deleted " + name));
    dialog.setConfirmButtonTheme("error primary");
    dialog.setCancelable(true);
    dialog.setId("confirm-delete");
    dialog.open();
  }

  private void open(FlowSummaries.Summary summary) {
    open(summary.draft().id());
  }

  private void open(String id) {
    getUI().ifPresent(ui -> ui.navigate(FlowEditorView.class, id));
  }

  private void run(Runnable action, String done) {
    Notices.attempt(action, done);
    refresh();
  }

  private String shownName(String username) {
    return names.getOrDefault(username, username);
  }

  private void refresh() {
    String query = search.getValue().strip().toLowerCase(Locale.ROOT);
    now = Instant.now();
    grid.setEmptyStateComponent(query.isEmpty() ? noFlows : noMatch);
    names = accounts.list().stream().collect(Collectors.toMap(UserAccount::username, UserAccounts::shownName));
    grid.setItems(flows.list().stream()
        .filter(d -> query.isEmpty() || d.name().toLowerCase(Locale.ROOT).contains(query))
        .map(d -> FlowSummaries.of(d, flows))
        .toList());
  }
}
