package io.switchboard.runtime.node;

/** What a step needs to know of a queue it sends an interaction to. */
public record QueueInfo(String id, int maxWaitSeconds) {}
