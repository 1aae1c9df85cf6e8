package io.switchboard.runtime.tickets;

/** How soon a thread of this priority gets its first answer and its resolution; null: no target. */
public record SlaTarget(String priority, Integer firstResponseMinutes, Integer resolutionMinutes) {}
