package io.switchboard.runtime.tickets;

import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.VariableDefinition;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.store.jooq.tables.records.ThreadEntryRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads a thread's timeline: its entries in time order, with e-mails' deliveries and attachments and interactions' cards. */
final class Timeline {
  private final TicketRepository repository;
  private final TicketPorts.Interactions interactions;
  private final TicketPorts.People people;

  Timeline(TicketRepository repository, TicketPorts.Interactions interactions, TicketPorts.People people) {
    this.repository = repository;
    this.interactions = interactions;
    this.people = people;
  }

  List<TimelineEntry> of(String threadId) {
    return read(repository.entries(threadId));
  }

  /** One entry, read like the timeline reads it. */
  Optional<TimelineEntry> entry(String entryId) {
    return repository.entry(entryId).map(row -> read(List.of(row)).getFirst());
  }

  private List<TimelineEntry> read(List<ThreadEntryRecord> rows) {
    Map<String, List<TimelineEntry.AttachmentInfo>> attachments = repository.attachments(
        rows.stream().map(ThreadEntryRecord::getId).toList());
    Map<String, TimelineEntry.Delivery> deliveries = repository.deliveries(
        rows.stream().map(ThreadEntryRecord::getOutboxId).filter(Objects::nonNull).toList());
    List<TimelineEntry> timeline = new ArrayList<>();
    for (ThreadEntryRecord r : rows) {
      Map<String, Object> detail = TicketRepository.detail(r.getDetail());
      TimelineEntry.Card card = "interaction".equals(r.getKind()) && r.getInteractionId() != null
          ? card(r.getInteractionId()).orElse(null) : null;
      timeline.add(new TimelineEntry(r.getId(), r.getKind(), r.getDirection(), r.getAt(), r.getByUser(),
          r.getFromAddr(), TicketRepository.addresses(r.getToAddr()), TicketRepository.addresses(r.getCcAddr()),
          r.getSubject(), r.getBody(), r.getHtml(), r.getMessageId(), r.getInteractionId(),
          r.getOutboxId() == null ? null : deliveries.get(r.getOutboxId()), attachments.get(r.getId()), card, detail));
    }
    return timeline;
  }

  /** The card of an interaction: what the agent and the flow saw and did. */
  Optional<TimelineEntry.Card> card(String interactionId) {
    Optional<Interaction> found = interactions.find(interactionId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Interaction it = found.get();
    Optional<CompiledFlow> flow = interactions.flow(it.flowId(), it.flowVersion());
    Map<String, Object> visible = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    flow.ifPresent(f -> {
      for (VariableDefinition v : f.document().variables() == null ? List.<VariableDefinition>of() : f.document().variables()) {
        if (v.shownToAgent()) {
          visible.put(v.label() == null || v.label().isBlank() ? v.name() : v.label(), it.variables().get(v.name()));
        }
      }
      for (FlowNode node : f.document().nodes()) {
        labels.put(node.id(), node.label() == null || node.label().isBlank() ? node.id() : node.label());
      }
    });
    List<TimelineEntry.Card.Step> path = new ArrayList<>();
    for (StepRecord step : interactions.steps(interactionId)) {
      path.add(new TimelineEntry.Card.Step(step.nodeId(), labels.getOrDefault(step.nodeId(), step.nodeId()),
          step.nodeType(), step.port()));
    }
    Object caller = it.trigger().get("from");
    String agent = it.agent() == null ? null : people.name(it.agent());
    return Optional.of(new TimelineEntry.Card(it.channel(), caller == null ? null : caller.toString(),
        it.status().name(), it.outcome(), it.createdAt(), Math.max(0, it.updatedAt() - it.createdAt()), agent,
        it.flowId(), it.flowVersion(), visible, path, interactions.notes(interactionId)));
  }
}
