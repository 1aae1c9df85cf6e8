package io.switchboard.runtime.node;

/**
 * Input for a waiting interaction that does not fit what it waits for, refused before anything
 * changes; {@code conflict} says whether the interaction is in the wrong state (409) rather than the
 * input being malformed (400).
 */
public record Rejection(String message, boolean conflict) {}
