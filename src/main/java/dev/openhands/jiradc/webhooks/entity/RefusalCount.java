package dev.openhands.jiradc.webhooks.entity;

import java.time.Instant;

/** One reason for refusing deliveries on this instance: how many since start, and when the latest was refused. */
public record RefusalCount(String reason, long count, Instant lastAt) {
}
