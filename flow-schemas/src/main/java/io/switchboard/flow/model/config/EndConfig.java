package io.switchboard.flow.model.config;

/** Config of an {@code end} node: the outcome template. */
public record EndConfig(String outcome) {}
