package io.switchboard.designer.flows;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.SerializableConsumer;
import io.switchboard.designer.ui.Texts;
import io.switchboard.runtime.model.FlowVersion;
import io.switchboard.runtime.scripts.ScriptDocuments;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The published versions of a flow, newest first: when, by whom, why, and a way to open each. */
final class VersionsPanel extends Composite<Div> {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
      .withZone(ZoneId.systemDefault());

  private final Grid<FlowVersion> versions = new Grid<>();
  private final Span empty = new Span("No published versions yet: publish the draft to make its first version.");
  private String flowId;

  /** @param open called with the version the user wants to look at */
  VersionsPanel(ScriptDocuments scripts, SerializableConsumer<FlowVersion> open) {
    versions.setId("flow-versions");
    versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    versions.addColumn(v -> "v" + v.version()).setHeader("Version").setWidth("6rem").setFlexGrow(0);
    versions.addColumn(VersionsPanel::published).setHeader("Published").setWidth("16rem").setFlexGrow(0);
    versions.addColumn(v -> v.publishedBy() == null ? "" : v.publishedBy()).setHeader("By").setWidth("9rem")
        .setFlexGrow(0);
    versions.addColumn(v -> v.comment() == null ? "" : v.comment()).setHeader("Comment").setFlexGrow(1);
    versions.addComponentColumn(v -> {
      Button button = new Button("Open", e -> open.accept(v));
      button.setId("open-version-" + v.version());
      button.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
      return button;
    }).setWidth("6rem").setFlexGrow(0);
    versions.addComponentColumn(v -> new ScriptLinks(scripts, flowId, v.version())).setHeader("Agent script")
        .setWidth("11rem").setFlexGrow(0);
    versions.setSizeFull();
    empty.addClassName("sb-editor-empty");
    getContent().addClassName("sb-drawer-fill");
    getContent().add(empty, versions);
  }

  void show(String flowId, List<FlowVersion> published) {
    this.flowId = flowId;
    versions.setItems(published);
    empty.setVisible(published.isEmpty());
    versions.setVisible(!published.isEmpty());
  }

  /** "1 Dec 2026, 14:05 · 5 min ago": the moment, and how long ago it was. */
  static String published(FlowVersion version) {
    Instant at = Instant.ofEpochMilli(version.publishedAt());
    return WHEN.format(at) + " · " + Texts.ago(at, Instant.now());
  }
}
