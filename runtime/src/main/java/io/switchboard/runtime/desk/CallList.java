package io.switchboard.runtime.desk;

import java.util.Map;

/**
 * A call list: contacts worked by the agents of a queue with a published flow's script, active or
 * paused, with its retry rules and its progress (entries by status: pending, dialling, done, failed).
 */
public record CallList(String id, String name, String flowId, String queueId, String status, int maxAttempts,
    int retryMinutes, Map<String, Integer> progress) {}
