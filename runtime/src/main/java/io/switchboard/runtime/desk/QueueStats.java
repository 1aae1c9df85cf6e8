package io.switchboard.runtime.desk;

import java.util.Map;

/** A queue live: how many wait, the longest wait, and its members by state. */
public record QueueStats(Queue queue, int waiting, long longestWaitSeconds, Map<AgentState, Integer> agentsByState) {}
