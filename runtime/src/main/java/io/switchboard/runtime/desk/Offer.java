package io.switchboard.runtime.desk;

/**
 * An interaction offered to one agent until it lapses: what the agent sees before accepting (channel,
 * caller, queue, priority, since when it waits), the offer's state, and why this agent was chosen.
 */
public record Offer(String id, String interactionId, String username, String queueId, String channel, String caller,
    int priority, long waitingSince, long createdAt, long expiresAt, String status, String reason) {}
