package io.switchboard.flow.model.config;

/** Config of a {@code trigger} node: the channel and the address (number, mailbox, path) it answers. */
public record TriggerConfig(String channel, String address) {}
