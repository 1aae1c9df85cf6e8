package io.switchboard.flow.model.config;

/** Config of an {@code email} node; every field is a template. */
public record EmailConfig(String to, String cc, String replyTo, String subject, String body) {}
