package io.switchboard.runtime.desk;

import java.util.Map;

/** One contact of a call list: where it came from (line), whom to call, its columns, and how far it got. */
public record CallListEntry(String id, String listId, int line, String phone, String name, Map<String, String> columns,
    String status, int attempts, long nextAttemptAt, String preferredAgent, String lastOutcome, String lastAgent,
    String interactionId) {}
