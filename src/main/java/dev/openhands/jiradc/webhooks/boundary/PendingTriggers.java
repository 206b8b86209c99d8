package dev.openhands.jiradc.webhooks.boundary;

import dev.openhands.jiradc.webhooks.control.InboxClaims;
import dev.openhands.jiradc.webhooks.control.TriggerRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** Triggers accepted but not yet processed (waiting for a retry, say), cancelled when what asked for them is deleted. */
@ApplicationScoped
public class PendingTriggers {

    @Inject
    InboxClaims claims;

    private final Clock clock = Clock.systemUTC();

    public int cancelForComment(String issueId, String commentId) {
        return claims.cancelPending(Optional.of(TriggerRules.commentTriggerKey(issueId, commentId)), issueId,
                "the comment was deleted", clock.instant());
    }

    public int cancelForIssue(String issueId) {
        return claims.cancelPending(Optional.empty(), issueId, "the issue was deleted", clock.instant());
    }
}
