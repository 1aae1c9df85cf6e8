package io.switchboard.designer.flows;

import io.switchboard.runtime.model.FlowDraft;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.service.FlowService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The flows: search, create, open, rename, duplicate, delete; their state and last change. */
@Menu(title = "Flows", order = 20, icon = "vaadin:flip-v")
@Route("flows")
@PageTitle("Flows · Switchboard")
@RolesAllowed({Role.DESIGNER, Role.ADMIN})
public class FlowListView extends VerticalLayout {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
      .withZone(ZoneId.systemDefault());

  private final FlowService flows;
  private final String user;
  private final Grid<FlowDraft> grid = new Grid<>();
  private final TextField search = new TextField();

  public FlowListView(FlowService flows, AuthenticationContext authentication) {
    this.flows = flows;
    this.user = authentication.getPrincipalName().orElse(null);
    setSizeFull();

    search.setPlaceholder("Search by name");
    search.setId("flow-search");
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> refresh());
    Button create = new Button("New flow", e -> new FlowNameDialog("New flow", "", name -> {
      String id = FlowIds.fresh(name, candidate -> flows.list().stream().anyMatch(d -> d.id().equals(candidate)));
      run(() -> flows.saveDraft(id, FlowTemplates.empty(id, name), user, null), "Created " + name);
    }).open());
    create.setId("new-flow");
    create.addThemeVariants(ButtonVariant.PRIMARY);

    grid.setId("flow-grid");
    grid.addThemeVariants(GridVariant.ROW_STRIPES);
    grid.addColumn(FlowDraft::name).setHeader("Name").setSortable(true).setFlexGrow(3);
    grid.addColumn(FlowDraft::id).setHeader("Id").setFlexGrow(2);
    grid.addColumn(FlowListView::state).setHeader("State").setFlexGrow(2);
    grid.addColumn(d -> d.updatedBy() == null ? "" : d.updatedBy()).setHeader("Last edited by");
    grid.addColumn(d -> WHEN.format(Instant.ofEpochMilli(d.updatedAt()))).setHeader("Last change").setSortable(true);
    grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
    grid.addItemDoubleClickListener(e -> open(e.getItem()));

    add(new H2("Flows"), new HorizontalLayout(search, create), grid);
    setFlexGrow(1, grid);
    refresh();
  }

  private HorizontalLayout actions(FlowDraft draft) {
    Button open = new Button("Open", e -> open(draft));
    Button rename = new Button("Rename", e -> new FlowNameDialog("Rename flow", draft.name(),
        name -> run(() -> flows.rename(draft.id(), name, user), "Renamed to " + name)).open());
    Button duplicate = new Button("Duplicate", e -> new FlowNameDialog("Duplicate flow", "Copy of " + draft.name(), name -> {
      String id = FlowIds.fresh(name, candidate -> flows.list().stream().anyMatch(d -> d.id().equals(candidate)));
      run(() -> flows.duplicate(draft.id(), id, name, user), "Duplicated as " + name);
    }).open());
    Button delete = new Button("Delete", e -> confirmDelete(draft));
    delete.addThemeVariants(ButtonVariant.ERROR);
    for (Button b : List.of(open, rename, duplicate, delete)) {
      b.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
      b.setId(b.getText().toLowerCase(Locale.ROOT) + "-" + draft.id());
    }
    return new HorizontalLayout(open, rename, duplicate, delete);
  }

  private void confirmDelete(FlowDraft draft) {
    ConfirmDialog dialog = new ConfirmDialog("Delete “" + draft.name() + "”?",
        "The flow, its draft and all its published versions will be deleted. This cannot be undone.", "Delete",
        e -> run(() -> flows.delete(draft.id()), "Deleted " + draft.name()));
    dialog.setConfirmButtonTheme("error primary");
    dialog.setCancelable(true);
    dialog.setId("confirm-delete");
    dialog.open();
  }

  private void open(FlowDraft draft) {
    getUI().ifPresent(ui -> ui.navigate(FlowEditorView.class, draft.id()));
  }

  private void run(Runnable action, String done) {
    Notices.attempt(action, done);
    refresh();
  }

  private void refresh() {
    String query = search.getValue().strip().toLowerCase(Locale.ROOT);
    grid.setItems(flows.list().stream()
        .filter(d -> query.isEmpty() || d.name().toLowerCase(Locale.ROOT).contains(query))
        .toList());
  }

  static String state(FlowDraft draft) {
    String published = draft.latestVersion() == null ? "Draft, never published" : "Published v" + draft.latestVersion();
    return draft.errorCount() > 0 ? published + " · " + draft.errorCount() + " error(s) in draft" : published;
  }
}
