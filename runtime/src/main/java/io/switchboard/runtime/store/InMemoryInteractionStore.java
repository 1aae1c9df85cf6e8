package io.switchboard.runtime.store;

import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.StepRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps interactions in memory: for tests and for measuring the engine without I/O. The same
 * object is handed back by {@link #find}, so it is meant for one caller per interaction at a time.
 */
public final class InMemoryInteractionStore implements InteractionStore {
  private final Clock clock;
  private final Map<String, Interaction> interactions = new ConcurrentHashMap<>();
  private final Map<String, List<StepRecord>> steps = new ConcurrentHashMap<>();
  private final Map<String, Effect.TicketChange> tickets = new ConcurrentHashMap<>();
  private final List<Effect> effects = Collections.synchronizedList(new ArrayList<>());

  public InMemoryInteractionStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void save(Interaction interaction) {
    interactions.put(interaction.id(), interaction);
    List<StepRecord> log = steps.computeIfAbsent(interaction.id(), k -> new ArrayList<>());
    for (StepRecord step : interaction.newSteps()) {
      log.add(step);
      for (Effect effect : step.effects()) {
        effects.add(effect);
        if (effect instanceof Effect.TicketChange t && t.action() == Effect.TicketChange.Action.create) {
          tickets.put(t.ticketId(), t);
        }
      }
    }
    interaction.saved(clock.millis());
  }

  @Override
  public Optional<Interaction> find(String id) {
    return Optional.ofNullable(interactions.get(id));
  }

  @Override
  public List<StepRecord> steps(String interactionId) {
    return List.copyOf(steps.getOrDefault(interactionId, List.of()));
  }

  @Override
  public Optional<String> findByExternalRef(String externalRef) {
    return interactions.values().stream().filter(i -> externalRef.equals(i.externalRef())).map(Interaction::id).findFirst();
  }

  @Override
  public List<String> dueWaits(long nowMillis, int limit) {
    return interactions.values().stream()
        .filter(i -> i.status() == InteractionStatus.waiting && i.waiting().deadline() != null && i.waiting().deadline() <= nowMillis)
        .sorted(Comparator.comparing(i -> i.waiting().deadline()))
        .limit(limit).map(Interaction::id).toList();
  }

  @Override
  public boolean exists(String ticketId) {
    return tickets.containsKey(ticketId);
  }

  /** Every effect saved so far, in order. */
  public List<Effect> effects() {
    synchronized (effects) {
      return List.copyOf(effects);
    }
  }

  public int size() {
    return interactions.size();
  }

  public void clear() {
    interactions.clear();
    steps.clear();
    tickets.clear();
    effects.clear();
  }
}
