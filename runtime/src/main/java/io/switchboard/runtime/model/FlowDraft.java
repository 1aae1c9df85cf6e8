package io.switchboard.runtime.model;

/** A stored draft with its last validation. */
public record FlowDraft(String id, String name, String document, String problems, int errorCount, int revision,
    Integer latestVersion, long updatedAt, String updatedBy) {}
