package io.switchboard.designer.desk;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.desk.CallList;
import io.switchboard.runtime.desk.CallListEntry;
import io.switchboard.runtime.desk.CallListService;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.Queue;
import io.switchboard.runtime.desk.QueueStats;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.FlowService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import io.switchboard.designer.ui.EmptyState;
import java.util.stream.Collectors;

/**
 * Call lists for supervisors: each list with its flow, queue, state and progress; creating and
 * editing one, importing its contacts from CSV (all rows, or none and every bad row with its line),
 * activating and pausing it, and the selected list's contacts with how far each got. It follows the
 * desk live, as the agents work the list.
 */
@Menu(title = "Call lists", order = 32, icon = "vaadin:phone")
@Route("desk/call-lists")
@PageTitle("Call lists · Switchboard")
@RolesAllowed({Role.SUPERVISOR, Role.ADMIN})
@StyleSheet("styles/desk.css")
public class CallListsView extends VerticalLayout {
  private static final int ENTRIES_SHOWN = 1000;

  private final CallListService lists;
  private final DeskService desk;
  private final FlowService flows;
  private final DeskSessions sessions;
  private final Grid<CallList> grid = new Grid<>();
  private final EmptyState noLists;
  private final VerticalLayout detail = new VerticalLayout();
  private final H3 detailTitle = new H3();
  private final Button toggle = new Button();
  private final CsvImport csvImport;
  private final Grid<CallListEntry> entries = new Grid<>();
  private final EmptyState noEntries = new EmptyState("");
  private Map<String, String> flowNames = Map.of();
  private Map<String, String> queueNames = Map.of();
  private List<CallList> shown = List.of();
  private List<CallListEntry> shownEntries = List.of();
  private String selected;
  private Registration live;

  public CallListsView(CallListService lists, DeskService desk, FlowService flows, DeskSessions sessions) {
    this.lists = lists;
    this.desk = desk;
    this.flows = flows;
    this.sessions = sessions;
    addClassName("sb-call-lists");
    setSizeFull();

    HorizontalLayout head = DeskPanels.heading("Call lists", "new-call-list", "New call list", () -> edit(null));

    grid.setId("call-list-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.addColumn(CallList::name).setHeader("Name").setAutoWidth(true);
    grid.addColumn(l -> flowNames.getOrDefault(l.flowId(), l.flowId())).setHeader("Flow").setAutoWidth(true);
    grid.addColumn(l -> queueNames.getOrDefault(l.queueId(), l.queueId())).setHeader("Queue").setAutoWidth(true);
    grid.addColumn(l -> CallListLabels.status(l.status())).setHeader("Status").setAutoWidth(true);
    grid.addComponentColumn(CallListsView::progress).setHeader("Progress").setWidth("280px").setFlexGrow(1);
    grid.addColumn(l -> l.maxAttempts() + " attempts, " + l.retryMinutes() + " min apart").setHeader("Retries")
        .setAutoWidth(true);
    grid.setHeight("30%");
    grid.addSelectionListener(e -> {
      if (e.isFromClient()) {
        selected = e.getFirstSelectedItem().map(CallList::id).orElse(selected);
        shownEntries = null;
        refresh();
      }
    });
    noLists = new EmptyState("", "New call list", e -> edit(null));
    noLists.setId("no-call-lists");
    noLists.sentence("No call lists yet — create one with New call list, then import a CSV of contacts and activate it.");

    Button editButton = new Button("Edit", e -> edit(lists.get(selected)));
    editButton.setId("edit-call-list");
    toggle.setId("toggle-call-list");
    toggle.addClickListener(e -> {
      CallList list = lists.get(selected);
      CallList now = lists.activate(list.id(), !list.status().equals("active"));
      Notices.done(now.name() + (now.status().equals("active") ? " is active: agents of its queue get its contacts"
          : " is paused"));
      refresh();
    });
    csvImport = new CsvImport(csv -> lists.importCsv(selected, csv), this::refresh);
    HorizontalLayout actions = new HorizontalLayout(detailTitle, editButton, toggle, csvImport);
    actions.setAlignItems(Alignment.CENTER);
    actions.setWidthFull();
    actions.setFlexGrow(1, detailTitle);

    entries.setId("entry-grid");
    entries.addThemeVariants(GridVariant.LUMO_COMPACT);
    entries.addColumn(CallListEntry::line).setHeader("Line").setAutoWidth(true);
    entries.addColumn(CallListEntry::phone).setHeader("Number").setAutoWidth(true);
    entries.addColumn(e -> e.name() == null ? "—" : e.name()).setHeader("Name").setFlexGrow(1);
    entries.addColumn(CallListsView::status).setHeader("Status").setAutoWidth(true);
    entries.addColumn(CallListEntry::attempts).setHeader("Attempts").setAutoWidth(true);
    entries.addColumn(e -> CallListLabels.outcome(e.lastOutcome())).setHeader("Last outcome").setAutoWidth(true);
    entries.addColumn(e -> e.lastAgent() == null ? "—" : e.lastAgent()).setHeader("Last agent").setAutoWidth(true);
    noEntries.setId("no-entries");
    noEntries.sentence("No contacts yet — import a CSV with a 'number' (or 'phone') column, an optional 'name' and any "
        + "other columns the script uses.");
    detail.setId("call-list-detail");
    detail.setPadding(false);
    detail.add(actions, noEntries, entries);
    detail.setFlexGrow(1, entries);
    detail.setMinHeight("0");

    add(head, noLists, grid, detail);
    setFlexGrow(1, detail);
  }

  private static Component progress(CallList list) {
    Map<String, Integer> p = list.progress();
    int pending = p.getOrDefault("pending", 0);
    int dialling = p.getOrDefault("dialling", 0);
    int done = p.getOrDefault("done", 0);
    int failed = p.getOrDefault("failed", 0);
    int total = pending + dialling + done + failed;
    Div cell = new Div();
    cell.addClassName("sb-call-progress");
    String counts = java.util.stream.Stream.of(done + " done", failed + " failed", dialling + " dialling",
        pending + " pending").filter(c -> !c.startsWith("0 ")).collect(Collectors.joining(" · "));
    Span text = new Span(total == 0 ? "no contacts" : counts);
    text.setId("progress-" + list.id());
    ProgressBar bar = new ProgressBar(0, Math.max(1, total), done + failed);
    cell.add(text, bar);
    return cell;
  }

  private static String status(CallListEntry entry) {
    String status = CallListLabels.status(entry.status());
    return entry.status().equals("pending") && "call_back".equals(entry.lastOutcome())
        ? status + " (call back " + CallListLabels.when(entry.nextAttemptAt()) + ")" : status;
  }

  private void edit(CallList existing) {
    List<CallListDialog.FlowChoice> choices = callListFlows();
    List<Queue> queues = desk.queues().stream().map(QueueStats::queue).toList();
    new CallListDialog(existing, choices, queues, (id, name, flowId, queueId, attempts, retry) -> {
      if (existing == null && lists.all().stream().anyMatch(l -> l.id().equals(id))) {
        throw new BadRequestException("a call list '" + id + "' exists already; choose another id or edit that one");
      }
      CallList saved = lists.put(id, name, flowId, queueId, attempts, retry);
      selected = saved.id();
      Notices.done("Call list " + saved.name() + " saved");
      refresh();
    }).open();
  }

  /** Published flows whose trigger is a call-list entry, by name. */
  private List<CallListDialog.FlowChoice> callListFlows() {
    return flows.list().stream().filter(f -> f.latestVersion() != null)
        .filter(f -> CallListWork.CHANNEL.equals(flows.latest(f.id()).channel()))
        .map(f -> new CallListDialog.FlowChoice(f.id(), f.name())).toList();
  }

  private void refresh() {
    List<CallList> now = lists.all();
    flowNames = flows.list().stream().collect(Collectors.toMap(f -> f.id(), f -> f.name(), (a, b) -> a));
    queueNames = desk.queues().stream().collect(Collectors.toMap(s -> s.queue().id(), s -> s.queue().name()));
    if (now.stream().noneMatch(l -> l.id().equals(selected))) {
      selected = now.isEmpty() ? null : now.getFirst().id();
    }
    if (!now.equals(shown)) {
      shown = now;
      grid.setItems(now);
      now.stream().filter(l -> l.id().equals(selected)).findFirst().ifPresent(grid::select);
    }
    noLists.setVisible(now.isEmpty());
    grid.setVisible(!now.isEmpty());
    detail.setVisible(selected != null);
    if (selected == null) {
      return;
    }
    CallList list = now.stream().filter(l -> l.id().equals(selected)).findFirst().orElseThrow();
    detailTitle.setText(list.name() + " · " + CallListLabels.status(list.status()));
    toggle.setText(list.status().equals("active") ? "Pause" : "Activate");
    toggle.setThemeName(list.status().equals("active") ? "" : "primary success");
    List<CallListEntry> rows = lists.entries(selected, ENTRIES_SHOWN);
    if (!rows.equals(shownEntries)) {
      shownEntries = rows;
      entries.setItems(rows);
    }
    noEntries.setVisible(rows.isEmpty());
    entries.setVisible(!rows.isEmpty());
  }

  @Override
  protected void onAttach(AttachEvent event) {
    live = LiveRefresh.start(event.getUI(), sessions::watch, this::refresh);
    refresh();
  }

  @Override
  protected void onDetach(DetachEvent event) {
    live.remove();
  }
}
