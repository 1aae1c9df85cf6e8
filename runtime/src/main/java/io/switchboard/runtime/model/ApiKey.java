package io.switchboard.runtime.model;

import java.util.Set;

/** An API key's stored form. */
public record ApiKey(String id, String name, String prefix, String hash, Set<String> roles, String createdBy,
    long createdAt, Long revokedAt) {}
