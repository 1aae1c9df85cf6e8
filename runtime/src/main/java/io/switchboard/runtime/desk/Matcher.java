package io.switchboard.runtime.desk;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which agent a waiting interaction is offered to: the one place of that decision. The desk's
 * rule is {@link QueueMatcher}; whatever decides must also say why, agent by agent.
 */
@FunctionalInterface
public interface Matcher {

  Decision choose(Waiting waiting, List<Candidate> agents, long now);

  /**
   * An interaction waiting in a queue, with the agents already offered it who let it go, and what a
   * route step asks for (skills, steps, preferred agent; empty for a plain queue) with the hint of
   * the caller's region (a number, a region id or name).
   */
  record Waiting(String interactionId, String queueId, String channel, int priority, long enqueuedAt, String caller,
      String preferredAgent, Set<String> triedAgents, Map<String, Object> requirements, String regionHint) {
    public Waiting {
      requirements = requirements == null ? Map.of() : requirements;
    }

    public Waiting(String interactionId, String queueId, String channel, int priority, long enqueuedAt, String caller,
        String preferredAgent, Set<String> triedAgents) {
      this(interactionId, queueId, channel, priority, enqueuedAt, caller, preferredAgent, triedAgents, Map.of(), null);
    }
  }

  /**
   * An agent who could take an offer now: available, no open offer, seen lately. {@code free} is the
   * capacity left per channel; {@code onCall} is true while they hold a voice interaction.
   */
  record Candidate(String username, long idleSince, Set<String> queues, Map<String, Integer> free, boolean onCall,
      String address) {
    public boolean hasRoomFor(String channel) {
      return !onCall && free.getOrDefault(channel, 0) > 0;
    }
  }

  /** One agent considered, and why they were passed over (null for the chosen one and those not reached). */
  record Consideration(String username, String excludedBecause) {}

  /**
   * The agent chosen (null when none fits), why, every agent considered, the step of the
   * requirements that applied and the caller's region as the router saw it (null for a plain queue).
   */
  record Decision(Candidate chosen, String reason, List<Consideration> considered, String step, String callerRegion) {
    public Decision(Candidate chosen, String reason, List<Consideration> considered) {
      this(chosen, reason, considered, null, null);
    }

    public static Decision none(String reason, List<Consideration> considered) {
      return new Decision(null, reason, considered);
    }
  }

  /** Called once at the start of each offering round, before any {@link #choose}: a chance to load what it needs. */
  default void beginRound(long now) {}
}
