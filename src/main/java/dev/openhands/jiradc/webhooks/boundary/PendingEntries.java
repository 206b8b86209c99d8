package dev.openhands.jiradc.webhooks.boundary;

import dev.openhands.jiradc.webhooks.control.InboxClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** Trigger entries of the inbox accepted but not yet processed (waiting for a retry, say), which may be cancelled. */
@ApplicationScoped
public class PendingEntries {

    @Inject
    InboxClaims claims;

    private final Clock clock = Clock.systemUTC();

    /**
     * Marks the issue's waiting trigger entries done as cancelled, all of them or only the one with {@code dedupKey}.
     *
     * @return how many were cancelled
     */
    public int cancel(String issueId, Optional<String> dedupKey, String reason) {
        return claims.cancelPending(dedupKey, issueId, reason, clock.instant());
    }
}
