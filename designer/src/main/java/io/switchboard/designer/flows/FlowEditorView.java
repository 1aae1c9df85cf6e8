package io.switchboard.designer.flows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.security.Role;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.validate.Problem;
import io.switchboard.runtime.service.FlowService;
import io.switchboard.runtime.store.FlowRepository;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;

/**
 * One flow: its document with live validation, publishing and version history. The document is
 * edited as JSON here until the drag-and-drop canvas replaces this editor.
 */
@Route("flows")
@PageTitle("Flow · Switchboard")
@RolesAllowed({Role.DESIGNER, Role.ADMIN})
public class FlowEditorView extends VerticalLayout implements HasUrlParameter<String> {
  private final FlowService flows;
  private final String user;
  private final H2 title = new H2();
  private final Span state = new Span();
  private final TextArea document = new TextArea("Flow document (JSON)");
  private final Grid<Problem> problems = new Grid<>(Problem.class, false);
  private final Grid<FlowRepository.Version> versions = new Grid<>();
  private final TextField comment = new TextField();
  private final Button publish = new Button("Publish");
  private String flowId;
  private int revision;

  public FlowEditorView(FlowService flows, AuthenticationContext authentication) {
    this.flows = flows;
    this.user = authentication.getPrincipalName().orElse(null);
    setSizeFull();
    document.setId("flow-document");
    document.setWidthFull();
    document.setHeight("24rem");
    document.getStyle().set("font-family", "monospace");
    problems.setId("flow-problems");
    problems.addColumn(Problem::severity).setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
    problems.addColumn(p -> p.nodeId() != null ? p.nodeId() : p.edgeId() != null ? p.edgeId() : "").setHeader("Where")
        .setAutoWidth(true).setFlexGrow(0);
    problems.addColumn(Problem::message).setHeader("Problem").setFlexGrow(1);
    problems.setAllRowsVisible(true);
    versions.setId("flow-versions");
    versions.addColumn(FlowRepository.Version::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
    versions.addColumn(v -> Instant.ofEpochMilli(v.publishedAt()).toString()).setHeader("Published");
    versions.addColumn(v -> v.publishedBy() == null ? "" : v.publishedBy()).setHeader("By");
    versions.addColumn(v -> v.comment() == null ? "" : v.comment()).setHeader("Comment").setFlexGrow(2);
    versions.setAllRowsVisible(true);

    Button save = new Button("Save draft", e -> save());
    save.setId("save-draft");
    comment.setPlaceholder("Comment for this version");
    comment.setId("publish-comment");
    publish.setId("publish");
    publish.addThemeVariants(ButtonVariant.PRIMARY);
    publish.addClickListener(e -> publish());
    state.setId("flow-state");
    add(new HorizontalLayout(title, state), document, new HorizontalLayout(save, comment, publish), new H3("Problems"),
        problems, new H3("Versions"), versions);
  }

  @Override
  public void setParameter(BeforeEvent event, String id) {
    this.flowId = id;
    load();
  }

  private void load() {
    FlowService.DraftView draft = flows.draft(flowId);
    revision = draft.revision();
    title.setText(draft.name());
    document.setValue(FlowJson.write(draft.document()));
    show(draft);
  }

  private void show(FlowService.DraftView draft) {
    List<Problem> found = draft.problems();
    problems.setItems(found);
    long errors = found.stream().filter(Problem::isError).count();
    publish.setEnabled(errors == 0);
    state.setText((draft.publishedVersion() == null ? "never published" : "published v" + draft.publishedVersion())
        + (errors > 0 ? " · " + errors + " error(s)" : " · no errors"));
    versions.setItems(flows.versions(flowId));
  }

  private void save() {
    try {
      FlowService.DraftView saved = flows.saveDraft(flowId, document.getValue(), user, revision);
      revision = saved.revision();
      title.setText(saved.name());
      show(saved);
      Notification.show("Draft saved", 2000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.SUCCESS);
    } catch (RuntimeException e) {
      Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
    }
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
