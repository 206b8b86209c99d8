package dev.openhands.jiradc.webhooks.boundary;

import dev.openhands.jiradc.webhooks.control.InboxClaims;
import dev.openhands.jiradc.webhooks.control.InboxDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** Trigger entries of the inbox accepted but not yet processed (waiting for a retry, say), which may be cancelled. */
@ApplicationScoped
public class PendingEntries {

    @Inject
    InboxClaims claims;

    @Inject
    InboxDispatcher dispatcher;

    private final Clock clock = Clock.systemUTC();

    /**
     * Marks the issue's waiting trigger entries done as cancelled, all of them or only the one with {@code dedupKey}.
     *
     * @return how many were cancelled
     */
    public int cancel(String issueId, Optional<String> dedupKey, String reason) {
        return claims.cancelPending(dedupKey, issueId, reason, clock.instant());
    }

    /**
     * Puts a trigger entry that was done back to be processed again (its job waited for a slot and may start now), in
     * the caller's transaction.
     *
     * @return true when put back; false when it is still being processed; empty when it is gone (pruned) or failed
     */
    public Optional<Boolean> resume(String entryId, String reason) {
        return claims.resume(entryId, reason, clock.instant());
    }

    /** After entries were put back: process them now rather than at the next poll. */
    public void processSoon() {
        dispatcher.nudge();
    }
}
