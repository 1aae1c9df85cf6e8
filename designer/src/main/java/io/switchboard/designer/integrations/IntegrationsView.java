package io.switchboard.designer.integrations;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.security.Role;
import io.switchboard.runtime.service.DataStepService;
import io.switchboard.runtime.service.DataStepTester;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;

/** The integrators' screen: the registered data steps, each opened in an editor with its test and history. */
@Menu(title = "Integrations", order = 30, icon = "vaadin:connect")
@Route("integrations")
@PageTitle("Integrations · Switchboard")
@RolesAllowed({Role.INTEGRATOR, Role.ADMIN})
public class IntegrationsView extends VerticalLayout {
  private final DataStepService steps;
  private final Grid<DataStepService.StepView> grid = new Grid<>();
  private final DataStepEditor editor;

  public IntegrationsView(DataStepService steps, DataStepTester tester, AuthenticationContext authentication) {
    this.steps = steps;
    String user = authentication.getPrincipalName().orElse(null);
    this.editor = new DataStepEditor(steps, tester, user, this::refresh);
    editor.setVisible(false);

    grid.setId("step-grid");
    grid.addColumn(s -> s.definition().name()).setHeader("Name").setFlexGrow(1);
    grid.addColumn(s -> s.definition().id()).setHeader("Id").setAutoWidth(true);
    grid.addColumn(s -> s.definition().method() + " " + s.definition().url()).setHeader("Request").setFlexGrow(2);
    grid.addColumn(DataStepService.StepView::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(s -> Instant.ofEpochMilli(s.updatedAt()) + (s.updatedBy() == null ? "" : " by " + s.updatedBy()))
        .setHeader("Changed");
    grid.addColumn(s -> String.join(", ", s.usedBy().stream().map(DataStepService.FlowUse::flowName).toList()))
        .setHeader("Used by published flows");
    grid.setAllRowsVisible(true);
    grid.addItemClickListener(e -> {
      editor.edit(e.getItem());
      editor.setVisible(true);
    });

    Button create = new Button("New data step", VaadinIcon.PLUS.create(), e -> {
      grid.deselectAll();
      editor.edit();
      editor.setVisible(true);
    });
    create.setId("new-step");
    create.addThemeVariants(ButtonVariant.PRIMARY);
    Button importOpenApi = new Button("Import from OpenAPI", VaadinIcon.UPLOAD.create(),
        e -> new OpenApiImportDialog(steps, user, created -> refresh(null)).open());
    importOpenApi.setId("import-openapi");

    add(new H2("Integrations"), new HorizontalLayout(create, importOpenApi), grid, editor);
    refresh(null);
  }

  /** Reloads the list; after a save it stays on the saved step, after a delete the editor closes. */
  private void refresh(String savedId) {
    grid.setItems(steps.list());
    if (savedId == null) {
      editor.setVisible(false);
    }
  }
}
