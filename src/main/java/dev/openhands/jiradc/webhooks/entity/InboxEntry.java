package dev.openhands.jiradc.webhooks.entity;

import java.time.Instant;

/**
 * An inbox row as its handler sees it: the delivery's raw JSON and what the receiver made of it. The JSON without a
 * leading byte order mark: the receiver reads past one, and the row keeps the body as it was signed, but a JSON parser
 * refuses it, so that a trigger accepted with one would fail every time it is processed.
 */
public record InboxEntry(String id, String connectionId, Decision.Kind kind, String webhookEvent, String issueId,
        String issueKey, String payload, int attempt, Instant receivedAt) {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    public InboxEntry {
        if (payload != null && payload.startsWith(BYTE_ORDER_MARK)) {
            payload = payload.substring(BYTE_ORDER_MARK.length());
        }
    }
}
