package io.switchboard.runtime.tickets;

import io.switchboard.runtime.desk.AgentState;
import io.switchboard.runtime.desk.AgentStatus;
import io.switchboard.runtime.desk.DeskRepository;
import io.switchboard.runtime.desk.Note;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.routing.Absence;
import io.switchboard.runtime.routing.RoutingRepository;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.RunnableFlows;
import io.switchboard.runtime.service.StartRequest;
import io.switchboard.runtime.store.InteractionStore;
import io.switchboard.runtime.store.UserRepository;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The threads' ports as the rest of the runtime fills them: the desk's presence, the interactions, the users. */
public final class TicketAdapters {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private TicketAdapters() {}

  public static TicketPorts.Presence presence(DeskRepository desk, RoutingRepository routing) {
    return new TicketPorts.Presence() {
      @Override
      public List<String> present(String queue, long now) {
        Set<String> absent = absentNow(routing, now).keySet();
        return desk.agents().stream().filter(a -> a.queues().contains(queue)).filter(TicketAdapters::here)
            .map(AgentStatus::username).filter(u -> !absent.contains(u)).sorted().toList();
      }

      @Override
      public Map<String, String> gone(long now) {
        Map<String, String> gone = new LinkedHashMap<>();
        absentNow(routing, now).forEach((username, absence) -> gone.put(username, "absent until "
            + DAY.format(Instant.ofEpochMilli(absence.to()).atZone(ZoneOffset.UTC))
            + (absence.reason() == null || absence.reason().isBlank() ? "" : " (" + absence.reason() + ")")));
        desk.agents().stream().filter(a -> a.state() == AgentState.away)
            .forEach(a -> gone.putIfAbsent(a.username(), "away"));
        return gone;
      }

      @Override
      public boolean queueExists(String queue) {
        return desk.queue(queue).isPresent();
      }
    };
  }

  private static boolean here(AgentStatus agent) {
    return agent.state() != AgentState.away && agent.state() != AgentState.offline;
  }

  private static Map<String, Absence> absentNow(RoutingRepository routing, long now) {
    Map<String, Absence> absent = new LinkedHashMap<>();
    routing.absences(null, now).stream().filter(a -> a.covers(now)).forEach(a -> absent.putIfAbsent(a.username(), a));
    return absent;
  }

  public static TicketPorts.Interactions interactions(InteractionStore store, InteractionService interactions,
      RunnableFlows flows, Function<String, List<Note>> notes) {
    return new TicketPorts.Interactions() {
      @Override
      public Optional<Interaction> find(String id) {
        return store.find(id);
      }

      @Override
      public List<StepRecord> steps(String id) {
        return store.steps(id);
      }

      @Override
      public Optional<CompiledFlow> flow(String flowId, int version) {
        try {
          return Optional.of(flows.compiled(flowId, version));
        } catch (RuntimeException e) {
          return Optional.empty();
        }
      }

      @Override
      public List<String> notes(String id) {
        return notes.apply(id).stream().map(n -> n.author() + ": " + n.body()).toList();
      }

      @Override
      public void customerReplied(String id, Map<String, Object> reply) {
        Optional<Interaction> it = store.find(id);
        if (it.isPresent() && it.get().status() == InteractionStatus.waiting && it.get().waiting() != null
            && it.get().waiting().kind() == Waiting.Kind.event && "customer-reply".equals(it.get().waiting().event())) {
          interactions.event(id, "customer-reply", reply);
        }
      }
    };
  }

  public static TicketPorts.People people(UserRepository users) {
    return new TicketPorts.People() {
      @Override
      public boolean exists(String username) {
        return users.find(username).isPresent();
      }

      @Override
      public String name(String username) {
        return users.find(username).map(u -> u.displayName() == null || u.displayName().isBlank() ? u.username()
            : u.displayName()).orElse(username);
      }
    };
  }

  /** Finds the flow whose trigger owns a channel's address. */
  @FunctionalInterface
  public interface FlowByAddress {
    Optional<String> find(String channel, String address);
  }

  /** A breach starts the published flow whose `sla` trigger names the thread's queue, or `*` for every queue. */
  public static TicketPorts.Breaches breaches(FlowByAddress flows, InteractionService interactions) {
    return (thread, breach) -> {
      Optional<String> flow = thread.queue() == null ? Optional.empty() : flows.find("sla", thread.queue());
      if (flow.isEmpty()) {
        flow = flows.find("sla", "*");
      }
      if (flow.isEmpty()) {
        return;
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("threadId", thread.id());
      data.put("threadNumber", thread.number());
      data.put("subject", thread.subject());
      data.put("breach", breach);
      data.put("status", thread.status());
      data.put("priority", thread.priority());
      data.put("assignee", thread.assignee());
      String customer = thread.customer() == null ? null : thread.customer().emails().isEmpty()
          ? thread.customer().phones().stream().findFirst().orElse(null) : thread.customer().emails().getFirst();
      interactions.start(new StartRequest(flow.get(), "sla", customer, thread.queue(), Map.of(), data, null));
    };
  }
}
