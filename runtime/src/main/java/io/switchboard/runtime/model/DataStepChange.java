package io.switchboard.runtime.model;

/** One entry of a step's history. */
public record DataStepChange(String stepId, int version, String action, String changes, String definition, long changedAt,
    String changedBy) {}
