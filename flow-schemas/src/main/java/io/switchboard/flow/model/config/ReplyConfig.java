package io.switchboard.flow.model.config;

/** Config of a {@code reply} node: the text (a template) sent back to the customer in the conversation. */
public record ReplyConfig(String text) {}
