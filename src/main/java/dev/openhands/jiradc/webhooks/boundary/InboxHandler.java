package dev.openhands.jiradc.webhooks.boundary;

import dev.openhands.jiradc.webhooks.entity.Handled;
import java.time.Duration;
import dev.openhands.jiradc.webhooks.entity.InboxEntry;

/**
 * Does the work an inbox entry asks for. Called on the managed executor, at most once at a time
 * per entry across all instances; an entry whose instance died is handed out again after its lease,
 * so handlers keep their effects idempotent.
 */
public interface InboxHandler {

    /** Attempts per entry before it is marked failed; {@link InboxEntry#attempt()} counts from 1. */
    int MAX_ATTEMPTS = 6;

    Handled handle(InboxEntry entry);

    /** 10 s, 20 s, 40 s, ... at most 10 minutes. */
    static Duration backoff(int attempt) {
        return Duration.ofSeconds(Math.min(600, 10L << Math.min(6, Math.max(0, attempt - 1))));
    }
}
