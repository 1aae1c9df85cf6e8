package io.switchboard.runtime.model;

/** An alert for agents and supervisors: raised by a flow's step (interaction, flow and node), or by a thread's SLA (thread). */
public record Alert(String id, String interactionId, String flowId, String nodeId, String severity, String message,
    String queue, long createdAt, Long acknowledgedAt, String threadId) {}
