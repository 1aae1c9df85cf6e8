package io.switchboard.runtime.desk;

/** A note an agent wrote on an interaction. */
public record Note(String id, String interactionId, String author, String body, long createdAt) {}
