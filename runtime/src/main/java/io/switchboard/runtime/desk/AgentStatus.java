package io.switchboard.runtime.desk;

import java.util.List;
import java.util.Map;

/**
 * An agent as the desk sees them now: state and since when, idle since, their queues, capacity and
 * load per channel, the open offer, the after-call work deadline, the interactions they hold, and the
 * phone or SIP address calls are bridged to.
 */
public record AgentStatus(String username, AgentState state, long stateSince, long idleSince, List<String> queues,
    Map<String, Integer> capacity, Map<String, Integer> active, String openOfferId, Long afterCallWorkUntil,
    List<String> interactions, String address) {}
