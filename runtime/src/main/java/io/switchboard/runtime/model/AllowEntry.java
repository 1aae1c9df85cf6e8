package io.switchboard.runtime.model;

/** One allow-listed host name, address or CIDR range. */
public record AllowEntry(String entry, long addedAt, String addedBy) {}
