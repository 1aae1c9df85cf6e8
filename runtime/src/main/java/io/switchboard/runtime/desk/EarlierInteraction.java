package io.switchboard.runtime.desk;

/** One of the customer's earlier interactions, as the workspace lists them. */
public record EarlierInteraction(String id, String flowId, String channel, String status, String outcome, String agent,
    long createdAt) {}
