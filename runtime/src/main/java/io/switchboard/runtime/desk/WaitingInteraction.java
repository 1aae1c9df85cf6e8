package io.switchboard.runtime.desk;

/**
 * An interaction waiting in a queue, as supervisors watch it: where and since when it waits, who
 * calls, its priority, and the agent it is offered to now (null while nobody is).
 */
public record WaitingInteraction(String interactionId, String queueId, String channel, String caller, int priority,
    long waitingSince, String offeredTo) {}
