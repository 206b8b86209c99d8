package dev.openhands.jiradc.webhooks.entity;

import java.time.Instant;

/** An inbox row as its handler sees it: the delivery's raw JSON and what the receiver made of it. */
public record InboxEntry(String id, String connectionId, Decision.Kind kind, String webhookEvent, String issueId,
        String issueKey, String payload, int attempt, Instant receivedAt) {
}
