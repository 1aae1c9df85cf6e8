package io.switchboard.runtime.messages;

/** A text message a provider's webhook reports: who wrote, to which of our addresses, the text and the provider's id. */
public record InboundMessage(String from, String to, String body, String messageSid) {}
