package io.switchboard.designer.routing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.routing.Region;
import io.switchboard.runtime.routing.RegionService;
import io.switchboard.runtime.routing.RegionTree;
import io.switchboard.runtime.routing.RoutingService;
import io.switchboard.runtime.routing.WorkingHours;
import io.switchboard.runtime.service.BadRequestException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import io.switchboard.designer.ui.EmptyState;
import java.util.stream.Collectors;

/**
 * The region tree as a working copy: add, edit and remove regions, then save the whole tree (the
 * region service checks it). Working hours are set per saved region.
 */
final class RegionsTab extends VerticalLayout {
  private final RegionService regions;
  private final RoutingService routing;
  private final String user;
  private final ZoneId zone;
  private final TreeGrid<Region> grid = new TreeGrid<>();
  private final EmptyState empty = new EmptyState("No regions yet — add a country, then its provinces with their "
      + "areas (Warszawa) or number prefixes (+4822).", "Add country", e -> new RegionDialog(null, null, null, this::put)
          .open());
  private final Span state = new Span();
  private final Span error = new Span();
  private final Button save = new Button("Save tree");
  private List<Region> copy = new ArrayList<>();
  private Set<String> saved = Set.of();
  private Map<String, WorkingHours> hours = Map.of();

  RegionsTab(RegionService regions, RoutingService routing, String user, ZoneId zone) {
    this.regions = regions;
    this.routing = routing;
    this.user = user;
    this.zone = zone;
    setSizeFull();
    setPadding(false);
    Button addRoot = new Button("Add country", e -> new RegionDialog(null, null, null, this::put).open());
    addRoot.setId("region-add-root");
    save.setId("region-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(e -> saveTree());
    Button undo = new Button("Discard changes", e -> refresh());
    undo.setId("region-discard");
    state.setId("region-state");
    state.addClassName("sb-routing-muted");
    error.setId("region-error");
    error.addClassName("sb-routing-error");
    HorizontalLayout bar = new HorizontalLayout(addRoot, save, undo, state, error);
    bar.setAlignItems(Alignment.BASELINE);

    grid.setId("region-tree");
    // fixed widths: auto widths are measured before the tree is expanded and would clip the children
    grid.addHierarchyColumn(Region::name).setHeader("Region").setWidth("13rem").setFlexGrow(0);
    grid.addColumn(Region::id).setHeader("Id").setWidth("8rem").setFlexGrow(0);
    grid.addColumn(r -> String.join(", ", r.countries())).setHeader("Countries").setWidth("7rem").setFlexGrow(0);
    grid.addColumn(r -> String.join(", ", r.areas())).setHeader("Areas").setWidth("7rem").setFlexGrow(1);
    grid.addColumn(r -> String.join(", ", r.prefixes())).setHeader("Prefixes").setWidth("6rem").setFlexGrow(0);
    grid.addColumn(r -> saved.contains(r.id()) ? RoutingText.hours(hours.get(r.id())) : "save the tree first")
        .setHeader("Working hours").setWidth("14rem").setFlexGrow(2);
    grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
    grid.setSizeFull();
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    empty.setId("region-empty");
    empty.addClassName("sb-routing-empty");
    add(bar, empty, grid);
  }

  void refresh() {
    copy = new ArrayList<>(regions.tree().regions());
    saved = copy.stream().map(Region::id).collect(Collectors.toSet());
    hours = routing.hours();
    error.setText("");
    show(false);
  }

  private HorizontalLayout actions(Region region) {
    Button child = small(VaadinIcon.PLUS, "Add a region inside " + region.name(), "region-add-" + region.id(),
        () -> new RegionDialog(null, region.id(), region.name(), this::put).open());
    Button edit = small(VaadinIcon.EDIT, "Edit " + region.name(), "region-edit-" + region.id(), () -> new RegionDialog(region, null, null, updated -> {
      replace(region, updated);
    }).open());
    Button remove = small(VaadinIcon.TRASH, "Remove " + region.name() + " and the regions inside it",
        "region-remove-" + region.id(), () -> {
      copy.removeIf(r -> r.id().equals(region.id()) || descends(r, region.id()));
      show(true);
    });
    Button workHours = small(VaadinIcon.CLOCK, "Working hours of " + region.name(), "region-hours-" + region.id(),
        () -> new HoursDialog(routing, region, hours.get(region.id()), zone, () -> {
          hours = routing.hours();
          grid.getDataProvider().refreshAll();
          Notices.done("Working hours of " + region.name() + " saved");
        }).open());
    workHours.setEnabled(saved.contains(region.id()));
    HorizontalLayout row = new HorizontalLayout(child, edit, remove, workHours);
    row.setSpacing(false);
    return row;
  }

  private void put(Region region) {
    copy.add(region);
    show(true);
  }

  private void replace(Region old, Region updated) {
    List<Region> next = new ArrayList<>();
    for (Region r : copy) {
      if (r == old) {
        next.add(updated);
      } else if (old.id().equals(r.parent())) {
        next.add(new Region(r.id(), r.name(), updated.id(), r.countries(), r.areas(), r.prefixes()));
      } else {
        next.add(r);
      }
    }
    copy = next;
    show(true);
  }

  private boolean descends(Region region, String ancestor) {
    String parent = region.parent();
    for (int depth = 0; parent != null && depth < copy.size(); depth++) {
      if (parent.equals(ancestor)) {
        return true;
      }
      String current = parent;
      parent = copy.stream().filter(r -> r.id().equals(current)).map(Region::parent).findFirst().orElse(null);
    }
    return false;
  }

  private void saveTree() {
    error.setText("");
    try {
      regions.replace(new RegionTree(copy), user);
      refresh();
      Notices.done("Region tree saved");
    } catch (BadRequestException refused) {
      error.setText(refused.getMessage());
    }
  }

  private void show(boolean changed) {
    List<Region> roots = copy.stream().filter(r -> r.parent() == null
        || copy.stream().noneMatch(p -> p.id().equals(r.parent()))).toList();
    grid.setItems(roots, r -> copy.stream().filter(c -> Objects.equals(c.parent(), r.id()) && c != r).toList());
    grid.expandRecursively(roots, 10);
    grid.setVisible(!copy.isEmpty());
    empty.setVisible(copy.isEmpty());
    state.setText(changed ? "Unsaved changes" : copy.isEmpty() ? "" : copy.size() + " regions saved");
  }

  private static Button small(VaadinIcon icon, String label, String id, Runnable action) {
    Button button = new Button(icon.create(), e -> action.run());
    button.setId(id);
    button.setAriaLabel(label);
    button.setTooltipText(label);
    button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
    return button;
  }
}
