package io.switchboard.runtime.model;

import java.util.Set;

/** A user as stored; the hash never leaves the security layer. */
public record UserAccount(String username, String passwordHash, String displayName, Set<String> roles, boolean enabled, long createdAt) {}
