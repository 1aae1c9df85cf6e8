package io.switchboard.runtime.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The desk's rule: among the queue's members with room on the channel, the one idle longest, passing
 * over agents who already let this interaction go while others remain. A transfer to one agent offers
 * it to that agent first, member or not.
 */
public final class QueueMatcher implements Matcher {

  @Override
  public Decision choose(Waiting waiting, List<Candidate> agents, long now) {
    List<Consideration> considered = new ArrayList<>();
    List<Candidate> able = new ArrayList<>();
    for (Candidate agent : agents) {
      boolean preferred = agent.username().equals(waiting.preferredAgent());
      if (!preferred && !agent.queues().contains(waiting.queueId())) {
        continue; // not in this queue: not considered at all
      }
      if (!agent.hasRoomFor(waiting.channel())) {
        considered.add(new Consideration(agent.username(), agent.onCall() ? "on a call" : "at capacity for " + waiting.channel()));
        continue;
      }
      if (preferred) {
        considered.add(new Consideration(agent.username(), null));
        return new Decision(agent, "transferred to " + agent.username(), considered);
      }
      able.add(agent);
    }
    List<Candidate> fresh = able.stream().filter(a -> !waiting.triedAgents().contains(a.username())).toList();
    List<Candidate> pool = fresh.isEmpty() ? able : fresh;
    for (Candidate agent : able) {
      if (!pool.contains(agent)) {
        considered.add(new Consideration(agent.username(), "already offered it and let it go"));
      }
    }
    Candidate chosen = pool.stream().min(Comparator.comparingLong(Candidate::idleSince).thenComparing(Candidate::username))
        .orElse(null);
    if (chosen == null) {
      return Decision.none("no available member of queue '" + waiting.queueId() + "' has room", considered);
    }
    for (Candidate agent : pool) {
      considered.add(new Consideration(agent.username(), agent == chosen ? null : "idle for less time than " + chosen.username()));
    }
    return new Decision(chosen, "idle longest of " + pool.size() + " available member(s)", considered);
  }
}
