package io.switchboard.runtime.model;

/** One published version. */
public record FlowVersion(String flowId, int version, String document, String comment, long publishedAt, String publishedBy) {}
