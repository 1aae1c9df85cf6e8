package io.switchboard.runtime.tickets;

/** A reusable piece of text; agents insert it by typing {@code ::} and its id. */
public record Snippet(String id, String name, String body, long updatedAt, String updatedBy) {}
