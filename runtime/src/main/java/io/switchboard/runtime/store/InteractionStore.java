package io.switchboard.runtime.store;

import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.engine.RuntimeServices;
import java.util.List;
import java.util.Optional;

/**
 * Where interactions live. {@link #save} writes the interaction, the steps logged since it was
 * loaded and the effects of those steps in one transaction.
 */
public interface InteractionStore extends RuntimeServices.TicketLookup {

  /**
   * @throws ConcurrentUpdateException when someone else saved the interaction since it was loaded
   */
  void save(Interaction interaction);

  Optional<Interaction> find(String id);

  /** The whole step log, in order. */
  List<StepRecord> steps(String interactionId);

  /** The interaction a provider's reference (a CallSid) belongs to. */
  Optional<String> findByExternalRef(String externalRef);

  /** Waiting interactions whose deadline has passed, oldest first. */
  List<String> dueWaits(long nowMillis, int limit);
}
