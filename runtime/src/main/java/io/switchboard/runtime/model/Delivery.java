package io.switchboard.runtime.model;

/** What the step log shows of a message. */
public record Delivery(String id, int stepSeq, String kind, String status, int attempts, String lastError, Long sentAt) {}
