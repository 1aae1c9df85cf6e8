package io.switchboard.flow.model.config;

/**
 * Config of a {@code trigger} node: the channel, the address (number, mailbox, path) it answers, and
 * the queue its interactions wait in for an agent when a script step names none.
 */
public record TriggerConfig(String channel, String address, String defaultQueue) {}
