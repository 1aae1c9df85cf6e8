package io.switchboard.runtime.tickets;

/**
 * A reply an agent starts from; {@code {{ thread.number }}}, {@code {{ customer.name }}} and the like
 * are filled in when it is used ({@link Placeholders} lists them).
 */
public record ReplyTemplate(String id, String name, String subject, String body, long updatedAt, String updatedBy) {}
