package io.switchboard.designer.flows;

import io.switchboard.runtime.model.FlowVersion;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.flows.canvas.FlowCanvas;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.ui.Notices;
import io.switchboard.designer.ui.Texts;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.validate.Problem;
import io.switchboard.runtime.service.FlowService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One flow: the canvas, the properties of the selected node beside it, and a drawer under it with
 * the problems found by the validator, test runs, variables, versions and the source. The screen
 * fills the window and never scrolls as a page; its panels do. Every edit is saved as the draft at
 * once, guarded by the draft's revision so that two editors never silently overwrite each other.
 */
@Route("flows")
@PageTitle("Flow · Switchboard")
@RolesAllowed({Role.DESIGNER, Role.ADMIN})
@StyleSheet("styles/editor.css")
public class FlowEditorView extends VerticalLayout implements HasUrlParameter<String> {
  private final FlowService flows;
  private final String user;
  private final H2 title = new H2();
  private final Span state = new Span();
  private final FlowCanvas canvas = new FlowCanvas();
  private final NodeProperties properties;
  private final VariablesPanel variables = new VariablesPanel(changed -> saveEdited(FlowJson.write(changed), "variables"));
  private final ProblemsPanel problems;
  private final EditorDrawer drawer = new EditorDrawer();
  private final VersionsPanel versions;
  private final SourcePanel source = new SourcePanel(text -> saveEdited(text, "source"));
  private final TextField comment = new TextField();
  private final Button publish = new Button("Publish");
  private final Span readOnlyBanner = new Span();
  private final Button restore = new Button("Restore this version as the draft");
  private final HorizontalLayout versionBar = new HorizontalLayout();
  private final HorizontalLayout header = new HorizontalLayout();
  private final FetchExtras fetch;
  private String flowId;
  private int revision;
  private JsonNode document;
  private FlowVersion viewedVersion;
  private FlowFileActions fileActions;
  private boolean foldedTheMenu;

  public FlowEditorView(FlowService flows, AuthenticationContext authentication,
      io.switchboard.runtime.connector.DataStepCatalog dataSteps, io.switchboard.runtime.service.TestRun.Factory testRuns,
      io.switchboard.designer.security.UserAccounts users, io.switchboard.runtime.scripts.ScriptDocuments scripts,
      io.switchboard.designer.routing.RoutingChoices routing) {
    this.flows = flows;
    this.fetch = new FetchExtras(dataSteps::ids, dataSteps.directory());
    this.properties = new NodeProperties(this::applyNode, fetch, java.util.Map.of(
        "queue", this::queuesInUse,
        "destination", () -> java.util.stream.Stream.concat(queuesInUse().stream(), users.agentNames().stream()).toList(),
        "skill", routing::skillsInUse,
        "agent", routing::agents));
    this.user = authentication.getPrincipalName().orElse(null);
    this.problems = new ProblemsPanel(nodeId -> {
      if (nodeId != null) {
        canvas.focusNode(nodeId);
      }
      properties.show(document, nodeId);
    }, fixed -> saveEdited(FlowJson.write(fixed), "problem-fix"));
    this.versions = new VersionsPanel(scripts, v -> getUI().ifPresent(ui -> ui.navigate(FlowEditorView.class, flowId,
        com.vaadin.flow.router.QueryParameters.of("version", String.valueOf(v.version())))));
    addClassName("sb-editor");
    setSizeFull();
    setPadding(false);
    setSpacing(false);

    canvas.setId("flow-canvas");
    canvas.setSizeFull();
    canvas.onEdit(this::save);
    canvas.onSelect(nodeId -> properties.show(document, nodeId));
    properties.addClassName("sb-editor-inspector");

    problems.setSizeFull();
    TestRunPanel testRun = new TestRunPanel(testRuns, () -> FlowJson.toDocument(document), canvas::showTrace);
    drawer.addTab("problems", "Problems", problems);
    drawer.addTab("test-run", "Test run", testRun);
    drawer.addTab("variables", "Variables", variables);
    drawer.addTab("versions", "Versions", versions);
    drawer.addTab("source", "Source", source);
    EditorShell shell = new EditorShell(canvas, properties, drawer);

    comment.setPlaceholder("Comment for this version");
    comment.setAriaLabel("Comment for this version");
    comment.setId("publish-comment");
    comment.addClassName("sb-publish-comment");
    publish.setId("publish");
    publish.addThemeVariants(ButtonVariant.PRIMARY);
    publish.addClickListener(e -> publish());
    state.setId("flow-state");
    state.addClassName("sb-flow-state");
    title.setId("flow-title");
    title.addClassName("sb-flow-title");
    header.add(title, state, comment, publish);
    header.addClassName("sb-editor-header");
    header.setWidthFull();
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    readOnlyBanner.setId("read-only-banner");
    restore.setId("restore-version");
    restore.addClickListener(e -> restoreViewedVersion());
    Button backToDraft = new Button("Back to the draft", e -> getUI().ifPresent(ui -> ui.navigate(FlowEditorView.class, flowId)));
    versionBar.add(readOnlyBanner, restore, backToDraft);
    versionBar.addClassName("sb-version-bar");
    versionBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    versionBar.setVisible(false);
    add(header, versionBar, shell);
    setFlexGrow(1, shell);
  }

  /** The editor wants the width: it folds the application's menu while it is shown (the menu button opens it). */
  @Override
  protected void onAttach(AttachEvent attachEvent) {
    AppLayout layout = findAncestor(AppLayout.class);
    if (layout != null && layout.isDrawerOpened() && !layout.isOverlay()) {
      layout.setDrawerOpened(false);
      foldedTheMenu = true;
    }
  }

  @Override
  protected void onDetach(DetachEvent detachEvent) {
    if (foldedTheMenu) {
      AppLayout layout = findAncestor(AppLayout.class);
      if (layout != null) {
        layout.setDrawerOpened(true);
      }
      foldedTheMenu = false;
    }
  }

  @Override
  public void setParameter(BeforeEvent event, String id) {
    this.flowId = id;
    canvas.setPalette(fetch.palette());
    FlowService.DraftView draft;
    try {
      draft = flows.draft(flowId);
    } catch (io.switchboard.runtime.service.NotFoundException unknown) {
      throw new com.vaadin.flow.router.NotFoundException("There is no flow '" + id + "'.");
    }
    show(draft);
    versions.show(flowId, flows.versions(flowId));
    if (fileActions == null) {
      fileActions = new FlowFileActions(flowId, () -> FlowJson.write(document), this::importFlow);
      header.addComponentAtIndex(2, fileActions);
    }
    var versionParameter = event.getLocation().getQueryParameters().getSingleParameter("version");
    viewedVersion = versionParameter.map(v -> flows.version(flowId, Integer.parseInt(v))).orElse(null);
    boolean readOnly = viewedVersion != null;
    versionBar.setVisible(readOnly);
    canvas.setReadOnly(readOnly);
    properties.setEnabled(!readOnly);
    publish.setVisible(!readOnly);
    comment.setVisible(!readOnly);
    fileActions.setVisible(!readOnly);
    source.setReadOnly(readOnly);
    if (readOnly) {
      readOnlyBanner.setText("Version " + viewedVersion.version() + " (read-only), published "
          + VersionsPanel.published(viewedVersion) + (viewedVersion.publishedBy() == null ? "" : " by " + viewedVersion.publishedBy()));
      canvas.setDocument(FlowJson.readFlowTree(viewedVersion.document()));
      source.show(viewedVersion.document());
    } else {
      canvas.setDocument(draft.document());
    }
  }

  private void restoreViewedVersion() {
    JsonNode restored = FlowJson.readFlowTree(viewedVersion.document());
    show(flows.saveDraft(flowId, FlowJson.write(restored), user, revision));
    Notices.done("Version " + viewedVersion.version() + " is the draft again");
    getUI().ifPresent(ui -> ui.navigate(FlowEditorView.class, flowId));
  }

  /** A flow file from the user's disk replaces the draft; its id becomes this flow's id. */
  private void importFlow(String text) {
    JsonNode imported = FlowJson.readTree(text);
    if (!imported.isObject()) {
      throw new io.switchboard.flow.json.FlowFormatException("a flow document is a JSON object");
    }
    ((tools.jackson.databind.node.ObjectNode) imported).put("id", flowId);
    saveAndShow(FlowJson.write(imported));
  }

  private void show(FlowService.DraftView draft) {
    revision = draft.revision();
    document = draft.document();
    title.setText(draft.name());
    source.show(FlowJson.write(draft.document()));
    variables.show(draft.document());
    properties.documentChanged(draft.document());
    properties.showProblems(draft.problems());
    problems.show(draft.problems(), draft.document());
    drawer.setLabel("problems", draft.problems().isEmpty() ? "Problems" : "Problems · " + draft.problems().size());
    canvas.setProblems(draft.problems());
    long errors = draft.problems().stream().filter(Problem::isError).count();
    publish.setEnabled(errors == 0);
    state.setText((draft.publishedVersion() == null ? "never published" : "published v" + draft.publishedVersion())
        + (errors > 0 ? " · " + Texts.count(errors, "error") : " · no errors") + " · saved");
  }

  /** An edit made on the canvas: the canvas already shows it. */
  private void save(JsonNode edited) {
    show(flows.saveDraft(flowId, FlowJson.write(edited), user, revision));
  }

  /** An edit made elsewhere (source, properties): the canvas is given the saved document. */
  private void saveAndShow(String text) {
    saveEdited(text, "document");
  }

  /**
   * An edit the user made outside the canvas: saved, and given to the canvas as one undo step;
   * edits with the same key (e.g. "node:fetch1/config/url") in a row make one step.
   */
  private void saveEdited(String text, String editKey) {
    show(flows.saveDraft(flowId, text, user, revision));
    canvas.setEditedDocument(document, editKey);
  }

  /** Queue names the drafts of all flows use, for the queue pickers (until queues are managed on their own). */
  private List<String> queuesInUse() {
    return flows.queuesInDrafts();
  }

  /** A node's label or config changed in the properties panel; the key names the node and field. */
  private void applyNode(JsonNode changed, String editKey) {
    saveEdited(FlowJson.write(changed), editKey);
  }

  private void publish() {
    FlowVersion version = flows.publish(flowId, comment.getValue().isBlank() ? null : comment.getValue(), user);
    comment.clear();
    show(flows.draft(flowId));
    versions.show(flowId, flows.versions(flowId));
    Notices.done("Published version " + version.version());
  }
}
