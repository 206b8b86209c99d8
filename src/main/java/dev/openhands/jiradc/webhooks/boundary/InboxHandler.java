package dev.openhands.jiradc.webhooks.boundary;

import dev.openhands.jiradc.webhooks.entity.Handled;
import dev.openhands.jiradc.webhooks.entity.InboxEntry;

/**
 * Does the work an inbox entry asks for. Called on the managed executor, at most once at a time
 * per entry across all instances; an entry whose instance died is handed out again after its lease,
 * so handlers keep their effects idempotent.
 */
public interface InboxHandler {

    /**
     * @param entry the entry; {@link InboxEntry#attempt()} counts from 1, and the settings' retry
     *        policy says when the last attempt has come
     */
    Handled handle(InboxEntry entry);
}
