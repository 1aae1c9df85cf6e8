package io.switchboard.designer.flows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
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
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.validate.Problem;
import io.switchboard.runtime.service.FlowService;
import io.switchboard.runtime.store.FlowRepository;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
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
  private final NodeProperties properties = new NodeProperties(this::applyNode);
  private final Grid<Problem> problems = new Grid<>(Problem.class, false);
  private final Grid<FlowRepository.Version> versions = new Grid<>();
  private final TextArea source = new TextArea();
  private final TextField comment = new TextField();
  private final Button publish = new Button("Publish");
  private String flowId;
  private int revision;
  private JsonNode document;

  public FlowEditorView(FlowService flows, AuthenticationContext authentication) {
    this.flows = flows;
    this.user = authentication.getPrincipalName().orElse(null);
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

    problems.setId("flow-problems");
    problems.addColumn(Problem::severity).setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
    problems.addColumn(p -> p.nodeId() != null ? p.nodeId() : p.edgeId() != null ? p.edgeId() : "").setHeader("Where")
        .setAutoWidth(true).setFlexGrow(0);
    problems.addColumn(Problem::message).setHeader("Problem").setFlexGrow(1);
    problems.setHeight("9rem");
    problems.addItemClickListener(e -> properties.show(document, e.getItem().nodeId()));

    versions.setId("flow-versions");
    versions.addColumn(FlowRepository.Version::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
    versions.addColumn(v -> Instant.ofEpochMilli(v.publishedAt()).toString()).setHeader("Published");
    versions.addColumn(v -> v.publishedBy() == null ? "" : v.publishedBy()).setHeader("By");
    versions.addColumn(v -> v.comment() == null ? "" : v.comment()).setHeader("Comment").setFlexGrow(2);
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
    history.setId("versions-details");

    comment.setPlaceholder("Comment for this version");
    comment.setId("publish-comment");
    publish.setId("publish");
    publish.addThemeVariants(ButtonVariant.PRIMARY);
    publish.addClickListener(e -> publish());
    state.setId("flow-state");
    HorizontalLayout header = new HorizontalLayout(title, state, comment, publish);
    header.setWidthFull();
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    comment.getStyle().set("margin-left", "auto");
    add(header, split, problems, sourceDetails, history);
  }

  @Override
  public void setParameter(BeforeEvent event, String id) {
    this.flowId = id;
    FlowService.DraftView draft = flows.draft(flowId);
    show(draft);
    canvas.setDocument(draft.document());
  }

  private void show(FlowService.DraftView draft) {
    revision = draft.revision();
    document = draft.document();
    title.setText(draft.name());
    source.setValue(FlowJson.write(draft.document()));
    problems.setItems(draft.problems());
    canvas.setProblems(draft.problems());
    long errors = draft.problems().stream().filter(Problem::isError).count();
    publish.setEnabled(errors == 0);
    state.setText((draft.publishedVersion() == null ? "never published" : "published v" + draft.publishedVersion())
        + (errors > 0 ? " · " + errors + " error(s)" : " · no errors") + " · saved");
    versions.setItems(flows.versions(flowId));
  }

  /** An edit made on the canvas: the canvas already shows it. */
  private void save(JsonNode edited) {
    trySave(FlowJson.write(edited));
  }

  /** An edit made elsewhere (source, properties): the canvas is given the saved document. */
  private void saveAndShow(String text) {
    if (trySave(text)) {
      canvas.setDocument(document);
    }
  }

  private boolean trySave(String text) {
    try {
      show(flows.saveDraft(flowId, text, user, revision));
      return true;
    } catch (RuntimeException e) {
      Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
      return false;
    }
  }

  /** A node's label or config changed in the properties panel. */
  private void applyNode(JsonNode changed) {
    saveAndShow(FlowJson.write(changed));
  }

  private void publish() {
    try {
      FlowRepository.Version version = flows.publish(flowId, comment.getValue().isBlank() ? null : comment.getValue(), user);
      comment.clear();
      show(flows.draft(flowId));
      Notification.show("Published version " + version.version(), 3000, Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.SUCCESS);
    } catch (RuntimeException e) {
      Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
    }
  }
}
