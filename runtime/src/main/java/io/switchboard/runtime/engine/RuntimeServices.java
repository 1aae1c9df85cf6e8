package io.switchboard.runtime.engine;

import io.switchboard.runtime.node.QueueInfo;
import io.switchboard.runtime.node.knowledge.KnowledgeLookup;
import java.time.Clock;
import java.util.Optional;

/**
 * What the engine gives the steps it runs besides the interaction itself: time, ids, the cases and
 * queues that exist, and the knowledge base.
 */
public record RuntimeServices(Clock clock, Ids ids, TicketLookup tickets, QueueLookup queues, KnowledgeLookup knowledge) {

  public RuntimeServices {
    knowledge = knowledge == null ? KnowledgeLookup.NONE : knowledge;
  }

  /** Without a knowledge base: nothing is ever found. */
  public RuntimeServices(Clock clock, Ids ids, TicketLookup tickets, QueueLookup queues) {
    this(clock, ids, tickets, queues, KnowledgeLookup.NONE);
  }

  /** Without queues of our own: every queue is the provider's. */
  public RuntimeServices(Clock clock, Ids ids, TicketLookup tickets) {
    this(clock, ids, tickets, queue -> Optional.empty());
  }

  /** The same services with this knowledge base. */
  public RuntimeServices withKnowledge(KnowledgeLookup lookup) {
    return new RuntimeServices(clock, ids, tickets, queues, lookup);
  }

  /** Tells whether a case exists; the store implements it. */
  @FunctionalInterface
  public interface TicketLookup {
    boolean exists(String ticketId);
  }

  /** The desk's queues; the desk implements it. */
  @FunctionalInterface
  public interface QueueLookup {
    Optional<QueueInfo> find(String queue);
  }
}
