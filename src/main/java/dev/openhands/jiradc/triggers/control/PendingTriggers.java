package dev.openhands.jiradc.triggers.control;

import dev.openhands.jiradc.webhooks.boundary.PendingEntries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Triggers accepted but not yet processed (waiting for a retry, say), cancelled when what asked for them is deleted.
 */
@ApplicationScoped
public class PendingTriggers {

    @Inject
    PendingEntries inbox;

    public int cancelForComment(String issueId, String commentId) {
        return inbox.cancel(issueId, Optional.of(TriggerRules.commentTriggerKey(issueId, commentId)),
                "the comment was deleted");
    }

    public int cancelForIssue(String issueId) {
        return inbox.cancel(issueId, Optional.empty(), "the issue was deleted");
    }
}
