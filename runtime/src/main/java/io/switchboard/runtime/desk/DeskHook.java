package io.switchboard.runtime.desk;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.store.ConcurrentUpdateException;
import io.switchboard.runtime.store.JooqInteractionStore;
import org.jooq.DSLContext;

/**
 * Keeps the desk in step with an interaction, in the transaction that saves it: an accepted offer
 * becomes an assignment (or nothing of the save stays when the offer is no longer open), and the
 * interaction's queue entry follows its waiting state — written when it waits in a queue, removed
 * with any open offer when it no longer does (an agent took it, its maximum wait passed, it ended).
 */
public final class DeskHook implements JooqInteractionStore.SaveHook {

  @Override
  public void inTransaction(DSLContext tx, Interaction it, long now) {
    try {
      for (StepRecord step : it.newSteps()) {
        for (Effect effect : step.effects()) {
          if (effect instanceof Effect.AgentAssigned assigned) {
            DeskRepository.accept(tx, assigned.offerId(), assigned.agent(), it.id(), now);
          }
        }
      }
    } catch (DeskRepository.ClaimLost lost) {
      throw new ConcurrentUpdateException(it.id(), "the offer is no longer open: it lapsed or was withdrawn");
    }
    Waiting waiting = it.waiting();
    boolean queued = it.status() == InteractionStatus.waiting && waiting != null && waiting.kind() == Waiting.Kind.queue;
    String queue = queued ? String.valueOf(waiting.details().get("queue")) : null;
    Object preferred = queued ? waiting.details().get("preferredAgent") : null;
    Object requirements = queued ? waiting.details().get("requirements") : null;
    Object regionHint = queued ? waiting.details().get("regionHint") : null;
    if (queued || (!it.isNew() && it.queue() != null)) { // an interaction never queued has no entry to remove
      DeskRepository.project(tx, it.id(), queue, it.channel(), Priorities.rank(it.priority()),
          it.trigger().get("from") instanceof String from ? from : null, preferred == null ? null : preferred.toString(),
          requirements == null ? null : FlowJson.compact(requirements), regionHint == null ? null : regionHint.toString(),
          now);
    }
  }
}
