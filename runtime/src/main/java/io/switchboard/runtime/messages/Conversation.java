package io.switchboard.runtime.messages;

/** A customer's conversation with one of our addresses: the interaction it belongs to and when it last moved. */
public record Conversation(String customer, String address, String interactionId, long lastAt) {}
