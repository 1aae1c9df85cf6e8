package io.switchboard.designer.desk;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.knowledge.KnowledgeDesk;
import io.switchboard.designer.knowledge.KnowledgePanel;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.designer.tickets.CasePanel;
import io.switchboard.designer.ui.Texts;
import io.switchboard.runtime.tickets.TicketService;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.desk.AgentState;
import io.switchboard.runtime.desk.AgentStatus;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.Offer;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The agent workspace: the agent's state, the offer in front of them, and for the interaction they
 * work on its communication info, toolbar, account info, alerts, script, notes and the customer's
 * earlier interactions — one screen that never scrolls as a page. It follows the desk live: the
 * offering component tells it at once of what happened on this instance, and it polls every two
 * seconds for what other instances did. Each area is redrawn only when what it shows changed, so that
 * what the agent is typing stays.
 */
@Menu(title = "Desk", order = 30, icon = "vaadin:headset")
@Route("desk")
@PageTitle("Desk · Switchboard")
@RolesAllowed({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
@StyleSheet("styles/desk.css")
public class DeskView extends VerticalLayout implements BeforeEnterObserver {
  private static final long SEEN_EVERY_MILLIS = 15_000;

  private final DeskService desk;
  private final DeskWorkspace workspace;
  private final CallListWork calls;
  private final DeskSessions sessions;
  private final UserAccounts users;
  private final String user;

  private final Select<AgentState> state = new Select<>();
  private final Span stateSince = new Span();
  private final Div commInfo = new Div();
  private final Button hold = new Button("Hold");
  private final Button transfer = new Button("Transfer");
  private final Button end = new Button("End");
  private final Div offerSlot = new Div();
  private final Tabs tabs = new Tabs();
  private final Div work = new Div();
  private final VerticalLayout account = DeskPanels.area("account-info", "Account info");
  private final Div accountBody = new Div();
  private final VerticalLayout alerts = DeskPanels.area("alerts", "Alerts");
  private final Div alertsBody = new Div();
  private final VerticalLayout notes = DeskPanels.area("notes", "Notes");
  private final Div notesBody = new Div();
  private final TextArea notePad = new TextArea();
  private final VerticalLayout earlier = DeskPanels.area("earlier", "Earlier interactions");
  private final Div earlierBody = new Div();
  private final VerticalLayout knowledge = DeskPanels.area("knowledge", "Knowledge");
  private final KnowledgePanel knowledgePanel;
  private final CasePanel casePanel;

  /** What each area shows now, to redraw it only when that changed. */
  private final Map<String, String> shown = new HashMap<>();
  /** Interactions the agent ended here and has not wrapped up yet. */
  private final Set<String> toWrapUp = new LinkedHashSet<>();
  private String selected;
  private DeskWorkspace.View view;
  private String notifiedOffer;
  private long lastSeen;
  private Registration live;

  public DeskView(DeskService desk, DeskWorkspace workspace, CallListWork calls, DeskSessions sessions, UserAccounts users,
      KnowledgeDesk knowledgeDesk, TicketService tickets, AuthenticationContext authentication) {
    this.desk = desk;
    this.workspace = workspace;
    this.calls = calls;
    this.sessions = sessions;
    this.users = users;
    this.user = authentication.getPrincipalName().orElseThrow();
    this.knowledgePanel = new KnowledgePanel(knowledgeDesk);
    this.casePanel = new CasePanel(tickets, user);
    addClassName("sb-desk");
    setSizeFull();
    setPadding(false);
    setSpacing(false);

    state.setId("agent-state");
    state.setAriaLabel("My state");
    state.setItems(AgentState.values());
    state.setItemLabelGenerator(DeskPanels::state);
    state.setItemEnabledProvider(AgentState::chosen);
    state.addValueChangeListener(e -> {
      if (e.isFromClient() && e.getValue() != null && e.getValue().chosen()) {
        desk.chooseState(user, e.getValue().name());
        refresh();
      }
    });
    stateSince.addClassName("sb-desk-muted");
    commInfo.setId("comm-info");
    commInfo.addClassName("sb-desk-comm");
    hold.setId("hold");
    hold.addClickListener(e -> act(() -> desk.hold(selected, user, !view.onHold())));
    transfer.setId("transfer");
    transfer.addClickListener(e -> openTransfer());
    end.setId("end");
    end.addThemeVariants(ButtonVariant.LUMO_ERROR);
    end.addClickListener(e -> endSelected());
    HorizontalLayout toolbar = new HorizontalLayout(hold, transfer, end);
    toolbar.setId("toolbar");
    toolbar.setSpacing(true);
    HorizontalLayout top = new HorizontalLayout(state, stateSince, commInfo, toolbar);
    top.addClassName("sb-desk-top");
    top.setWidthFull();
    top.setAlignItems(Alignment.CENTER);
    top.setFlexGrow(1, commInfo);

    tabs.setId("held-tabs");
    tabs.addSelectedChangeListener(e -> {
      if (e.isFromClient() && e.getSelectedTab() != null) {
        selected = e.getSelectedTab().getId().orElseThrow().substring("tab-".length());
        shown.clear();
        refresh();
      }
    });
    offerSlot.setId("offer-slot");
    work.setId("work-area");
    work.addClassName("sb-desk-work");
    VerticalLayout center = new VerticalLayout(offerSlot, tabs, work);
    center.addClassName("sb-desk-center");
    center.setPadding(false);

    account.add(accountBody);
    alerts.add(alertsBody);
    earlier.add(earlierBody);
    VerticalLayout left = new VerticalLayout(account, alerts, earlier);
    left.addClassName("sb-desk-side");
    left.setPadding(false);

    notePad.setId("note-pad");
    notePad.setPlaceholder("Notes on this call, saved with the interaction");
    notePad.setWidthFull();
    notePad.setMaxLength(4000);
    Button saveNote = new Button("Save note", e -> saveNote());
    saveNote.setId("save-note");
    notes.add(notePad, saveNote, notesBody);
    knowledge.add(knowledgePanel);
    knowledge.addClassName("sb-desk-area-tall");
    VerticalLayout right = new VerticalLayout(notes, casePanel, knowledge);
    right.addClassName("sb-desk-side");
    right.setPadding(false);

    HorizontalLayout columns = new HorizontalLayout(left, center, right);
    columns.addClassName("sb-desk-columns");
    columns.setWidthFull();
    add(top, columns);
    setFlexGrow(1, columns);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    event.getLocation().getQueryParameters().getSingleParameter("interaction").ifPresent(id -> {
      if (!desk.mayView(id, user)) {
        Notices.failed("Interaction " + id + " is not yours to see: it is offered or assigned to someone else.");
      } else if (desk.holding(user).contains(id)) {
        selected = id;
      }
    });
  }

  @Override
  protected void onAttach(AttachEvent event) {
    UI ui = event.getUI();
    AppLayout frame = findAncestor(AppLayout.class);
    if (frame != null) {
      frame.setDrawerOpened(false); // the workspace needs the width
    }
    live = LiveRefresh.start(ui, r -> sessions.workspace(user, r), this::refresh);
    // the browser asks for permission to show notifications once, on the agent's first click here
    getElement().executeJs("this.addEventListener('click', () => { if ('Notification' in window"
        + " && Notification.permission === 'default') Notification.requestPermission(); }, {once: true});");
    refresh();
  }

  @Override
  protected void onDetach(DetachEvent event) {
    live.remove();
  }

  /** Reads the desk and redraws what changed. */
  private void refresh() {
    long now = workspace.now();
    if (now - lastSeen >= SEEN_EVERY_MILLIS) {
      desk.seen(user);
      lastSeen = now;
    }
    AgentStatus me = desk.me(user);
    List<Offer> offers = desk.offers(user);
    List<String> holding = desk.holding(user);
    toWrapUp.removeIf(id -> desk.assignment(id).map(a -> a.wrappedAt() != null).orElse(true));
    List<String> open = new ArrayList<>(holding);
    toWrapUp.stream().filter(id -> !open.contains(id)).forEach(open::add);
    if (selected == null || !open.contains(selected)) {
      selected = open.isEmpty() ? null : open.getFirst();
    }
    view = selected == null ? null : workspace.view(selected, user);

    show("state", me.state() + "|" + me.stateSince(), () -> {
      state.setValue(me.state());
      stateSince.setText("since " + DeskTimes.clock(me.stateSince()));
    });
    Offer offer = offers.isEmpty() ? null : offers.getFirst();
    show("offer", offer == null ? "" : offer.id(), () -> showOffer(offer, now));
    show("tabs", open + "|" + selected, () -> showTabs(open));
    show("comm", view == null ? me.state().name() : view.id() + view.status() + view.onHold() + view.held() + me.state(),
        () -> showCommInfo(me, now));
    show("work", view == null ? "empty|" + me.state() + "|" + (offer != null)
        : view.id() + view.status() + (view.step() == null ? "" : view.step().nodeId()) + view.breadcrumb().size()
            + view.held() + view.endedAt() + view.waitingFor() + me.afterCallWorkUntil(), () -> showWork(me, offer, now));
    show("account", view == null ? "" : view.id() + view.account(), () -> {
      accountBody.removeAll();
      accountBody.add(view == null ? DeskPanels.muted("Account info appears with the next interaction.")
          : DeskPanels.account(view.account()));
    });
    show("alerts", view == null ? "" : view.id() + view.alerts().size(), () -> {
      alertsBody.removeAll();
      alertsBody.add(view == null ? DeskPanels.muted("Alerts raised by the flow appear here.")
          : DeskPanels.alerts(view.alerts()));
    });
    showNotes(false);
    show("knowledge", Objects.toString(selected), () -> knowledgePanel.show(selected, user));
    show("case", Objects.toString(selected) + (view == null ? "" : view.status()),
        () -> casePanel.show(view == null ? null : view.id(), view == null ? null : view.caller()));
    show("earlier", Objects.toString(selected), () -> {
      earlierBody.removeAll();
      earlierBody.add(selected == null ? DeskPanels.muted("The customer's history appears with the next interaction.")
          : DeskPanels.earlier(workspace.earlier(selected, user)));
    });
  }

  private void show(String area, String signature, Runnable draw) {
    if (!signature.equals(shown.put(area, signature))) {
      draw.run();
    }
  }

  private void showOffer(Offer offer, long now) {
    offerSlot.removeAll();
    if (offer == null) {
      return;
    }
    CallListWork.Preview preview = calls.preview(offer, user).orElse(null);
    OfferCard card = new OfferCard(offer, preview, desk.queue(offer.queueId()).name(), now, () -> {
      selected = desk.accept(offer.id(), user).id();
      sessions.tell(user);
      refresh();
    }, () -> {
      desk.decline(offer.id(), user);
      refresh();
    });
    offerSlot.add(card);
    if (!offer.id().equals(notifiedOffer)) {
      notifiedOffer = offer.id();
      card.notifyBrowser(offer, preview);
    }
  }

  private void showTabs(List<String> open) {
    tabs.removeAll();
    tabs.setVisible(open.size() > 1);
    for (String id : open) {
      Tab tab = new Tab(workspace.caller(id, user) + (toWrapUp.contains(id) ? " (wrap-up)" : ""));
      tab.setId("tab-" + id);
      tabs.add(tab);
      if (id.equals(selected)) {
        tabs.setSelectedTab(tab);
      }
    }
  }

  private void showCommInfo(AgentStatus me, long now) {
    commInfo.removeAll();
    boolean working = view != null && view.held();
    hold.setEnabled(working && !view.finished());
    hold.setText(working && view.onHold() ? "Resume" : "Hold");
    transfer.setEnabled(working && view.step() != null);
    end.setEnabled(working);
    if (view == null) {
      commInfo.add(DeskPanels.muted("No interaction"));
      return;
    }
    Span caller = new Span(view.caller());
    caller.setId("comm-caller");
    caller.addClassName("sb-desk-value");
    Span queue = new Span(Texts.channel(view.channel()) + " · queue " + view.queueName());
    Span talk = new Span(view.endedAt() == null ? "talk " : "ended");
    if (view.endedAt() == null) {
      Ticker timer = Ticker.since((now - view.assignedAt()) / 1000);
      timer.setId("talk-timer");
      talk.add(timer);
    }
    commInfo.add(caller, queue, talk, new Span(view.onHold() ? "on hold" : DeskPanels.state(me.state())));
  }

  private void showWork(AgentStatus me, Offer offer, long now) {
    work.removeAll();
    if (view == null) {
      if (offer == null) {
        Div empty = new Div();
        empty.setId("desk-empty");
        empty.addClassName("sb-desk-empty");
        empty.setText(switch (me.state()) {
          case available -> "You are available — the next interaction will appear here.";
          case away -> "You are away — choose Available to receive interactions.";
          case offline -> "You are offline — choose Available to receive interactions.";
          case after_call_work -> "After-call work — choose Available when you are ready for the next interaction.";
          case busy -> "You are busy.";
        });
        work.add(empty);
      }
      return;
    }
    if (CallListWork.CHANNEL.equals(view.channel())) {
      work.add(new CallPanel(calls.entry(view.id(), user).orElse(null), calls.mayRecord(view.id(), user), now,
          (outcome, at) -> calls.record(view.id(), user, outcome, at)));
    }
    if (view.endedAt() != null) {
      work.add(new WrapUpPanel(view, me, now, code -> {
        desk.wrapUp(view.id(), user, code);
        toWrapUp.remove(view.id());
        Notices.done("Wrapped up: " + code);
        sessions.tell(user);
        refresh();
      }));
    } else if (view.step() != null && view.held()) {
      work.add(new ScriptPanel(view, (nodeId, port, fields) -> {
        workspace.answer(view.id(), user, nodeId, port, fields);
        refresh();
      }, () -> {
        desk.back(view.id(), user);
        refresh();
      }));
    } else {
      work.add(ScriptPanel.breadcrumb(view.breadcrumb()));
      Div status = new Div();
      status.setId("script-status");
      status.addClassName("sb-desk-empty");
      if (view.finished()) {
        status.setText("The flow has finished" + (view.outcome() == null ? "" : ": " + view.outcome())
            + ". End the interaction when you are done.");
        Button endNow = new Button("End", e -> endSelected());
        endNow.setId("end-finished");
        endNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        work.add(status, endNow);
      } else {
        status.setText("The flow is working: waiting for " + Objects.requireNonNullElse(view.waitingFor(), "its next step")
            + ".");
        work.add(status);
      }
    }
  }

  private void showNotes(boolean force) {
    List<io.switchboard.runtime.desk.Note> list = selected == null ? List.of() : workspace.notes(selected, user);
    if (force) {
      shown.remove("notes");
    }
    notePad.setEnabled(selected != null);
    show("notes", selected + "|" + list.size(), () -> {
      notesBody.removeAll();
      notesBody.add(DeskPanels.notes(list));
    });
  }

  private void saveNote() {
    if (selected == null) {
      return;
    }
    workspace.addNote(selected, user, notePad.getValue());
    notePad.clear();
    showNotes(true);
  }

  private void endSelected() {
    String id = selected;
    desk.end(id, user);
    toWrapUp.add(id);
    sessions.tell(user);
    refresh();
  }

  private void openTransfer() {
    String from = selected;
    List<String> agents = users.agentNames().stream().filter(a -> !a.equals(user)).toList();
    new TransferDialog(desk.queues().stream().map(s -> s.queue()).toList(), view.queueId(), agents, (queue, agent) -> {
      desk.transfer(from, user, queue, agent);
      Notices.done("Transferred");
      refresh();
    }).open();
  }

  private void act(Runnable action) {
    action.run();
    refresh();
  }
}
