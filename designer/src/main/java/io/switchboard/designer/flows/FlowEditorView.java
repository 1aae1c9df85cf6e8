package io.switchboard.designer.flows;

import io.switchboard.runtime.model.FlowVersion;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.flows.canvas.FlowCanvas;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.ui.Notices;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.validate.Problem;
import io.switchboard.runtime.service.FlowService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One flow: the canvas, the properties of the selected node, the problems found by the validator,
 * publishing and history. Every edit is saved as the draft at once, guarded by the draft's
 * revision so that two editors never silently overwrite each other.
 */
@Route("flows")
@PageTitle("Flow · Switchboard")
@RolesAllowed({Role.DESIGNER, Role.ADMIN})
public class FlowEditorView extends VerticalLayout implements HasUrlParameter<String> {
  private final FlowService flows;
  private final String user;
  private final H2 title = new H2();
  private final Span state = new Span();
  private final FlowCanvas canvas = new FlowCanvas();
  private final NodeProperties properties;
  private final VariablesPanel variables = new VariablesPanel(changed -> saveAndShow(FlowJson.write(changed)));
  private final ProblemsPanel problems;
  private final Grid<FlowVersion> versions = new Grid<>();
  private final TextArea source = new TextArea();
  private final TextField comment = new TextField();
  private final Button publish = new Button("Publish");
  private final Span readOnlyBanner = new Span();
  private final Button restore = new Button("Restore this version as the draft");
  private final HorizontalLayout versionBar = new HorizontalLayout();
  private final FetchExtras fetch;
  private String flowId;
  private int revision;
  private JsonNode document;
  private FlowVersion viewedVersion;
  private FlowFileActions fileActions;

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
    }, fixed -> saveAndShow(FlowJson.write(fixed)));
    problems.setWidthFull();
    problems.setHeight("9rem");
    setWidthFull();
    setPadding(true);

    canvas.setId("flow-canvas");
    canvas.setSizeFull();
    canvas.onEdit(this::save);
    canvas.onSelect(nodeId -> properties.show(document, nodeId));
    SplitLayout split = new SplitLayout(canvas, properties);
    split.setWidthFull();
    split.setHeight("64vh");
    split.setMinHeight("420px");
    split.setSplitterPosition(75);

    versions.setId("flow-versions");
    versions.addColumn(FlowVersion::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
    versions.addColumn(v -> Instant.ofEpochMilli(v.publishedAt()).toString()).setHeader("Published");
    versions.addColumn(v -> v.publishedBy() == null ? "" : v.publishedBy()).setHeader("By");
    versions.addColumn(v -> v.comment() == null ? "" : v.comment()).setHeader("Comment").setFlexGrow(2);
    versions.addComponentColumn(v -> {
      Button open = new Button("Open", e -> getUI().ifPresent(ui -> ui.navigate(FlowEditorView.class, flowId,
          com.vaadin.flow.router.QueryParameters.of("version", String.valueOf(v.version())))));
      open.setId("open-version-" + v.version());
      open.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
      return open;
    }).setAutoWidth(true).setFlexGrow(0);
    versions.addComponentColumn(v -> new ScriptLinks(scripts, flowId, v.version())).setHeader("Script").setAutoWidth(true)
        .setFlexGrow(0);
    versions.setAllRowsVisible(true);

    source.setId("flow-document");
    source.setWidthFull();
    source.setHeight("18rem");
    source.getStyle().set("font-family", "monospace");
    Button applySource = new Button("Apply source", e -> saveAndShow(source.getValue()));
    applySource.setId("apply-source");
    Details sourceDetails = new Details("Source (JSON)", new VerticalLayout(source, applySource));
    sourceDetails.setId("source-details");
    Details history = new Details("Versions", versions);
    Details variablesDetails = new Details("Variables", variables);
    variablesDetails.setId("variables-details");
    variablesDetails.setWidthFull();
    TestRunPanel testRun = new TestRunPanel(testRuns, () -> FlowJson.toDocument(document), canvas::showTrace);
    Details testDetails = new Details("Test run", testRun);
    testDetails.setId("test-run-details");
    testDetails.setWidthFull();
    history.setId("versions-details");

    comment.setPlaceholder("Comment for this version");
    comment.setId("publish-comment");
    publish.setId("publish");
    publish.addThemeVariants(ButtonVariant.PRIMARY);
    publish.addClickListener(e -> publish());
    state.setId("flow-state");
    title.setId("flow-title");
    HorizontalLayout header = new HorizontalLayout(title, state, comment, publish);
    header.setWidthFull();
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    comment.getStyle().set("margin-left", "auto");
    readOnlyBanner.setId("read-only-banner");
    restore.setId("restore-version");
    restore.addClickListener(e -> restoreViewedVersion());
    Button backToDraft = new Button("Back to the draft", e -> getUI().ifPresent(ui -> ui.navigate(FlowEditorView.class, flowId)));
    versionBar.add(readOnlyBanner, restore, backToDraft);
    versionBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    versionBar.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("padding", "var(--lumo-space-s)");
    versionBar.setVisible(false);
    add(header, versionBar, split, problems, variablesDetails, testDetails, sourceDetails, history);
  }

  @Override
  public void setParameter(BeforeEvent event, String id) {
    this.flowId = id;
    canvas.setPalette(fetch.palette());
    FlowService.DraftView draft = flows.draft(flowId);
    show(draft);
    versions.setItems(flows.versions(flowId));
    if (fileActions == null) {
      fileActions = new FlowFileActions(flowId, () -> FlowJson.write(document), this::importFlow);
      addComponentAtIndex(1, fileActions);
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
    if (readOnly) {
      readOnlyBanner.setText("Version " + viewedVersion.version() + " (read-only), published "
          + Instant.ofEpochMilli(viewedVersion.publishedAt()) + (viewedVersion.publishedBy() == null ? "" : " by " + viewedVersion.publishedBy()));
      canvas.setDocument(FlowJson.readFlowTree(viewedVersion.document()));
      source.setValue(viewedVersion.document());
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
    source.setValue(FlowJson.write(draft.document()));
    variables.show(draft.document());
    properties.documentChanged(draft.document());
    properties.showProblems(draft.problems());
    problems.show(draft.problems(), draft.document());
    canvas.setProblems(draft.problems());
    long errors = draft.problems().stream().filter(Problem::isError).count();
    publish.setEnabled(errors == 0);
    state.setText((draft.publishedVersion() == null ? "never published" : "published v" + draft.publishedVersion())
        + (errors > 0 ? " · " + errors + " error(s)" : " · no errors") + " · saved");
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
    versions.setItems(flows.versions(flowId));
    Notices.done("Published version " + version.version());
  }
}
