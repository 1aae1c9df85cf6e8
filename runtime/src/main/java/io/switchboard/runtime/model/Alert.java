package io.switchboard.runtime.model;

public record Alert(String id, String interactionId, String flowId, String nodeId, String severity, String message,
    String queue, long createdAt, Long acknowledgedAt) {}
