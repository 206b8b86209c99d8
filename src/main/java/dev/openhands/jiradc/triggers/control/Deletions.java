package dev.openhands.jiradc.triggers.control;

import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.jobs.boundary.Jobs;
import dev.openhands.jiradc.webhooks.entity.Handled;
import dev.openhands.jiradc.webhooks.entity.InboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a deletion in Jira does to work not yet done: an issue deleted stops the following of its jobs
 * and cancels its waiting triggers; a comment deleted cancels its trigger if that is still waiting.
 */
@ApplicationScoped
public class Deletions {

    @Inject
    PendingTriggers pending;

    @Inject
    Jobs jobs;

    public Handled handle(InboxEntry entry, WebhookEvent event) {
        if (event.webhookEvent().equals("jira:issue_deleted")) {
            int cancelled = pending.cancelForIssue(entry.issueId());
            int stopped = jobs.stopFollowingIssue(entry.issueId());
            return Handled.done("issue deleted: " + stopped + " job(s) no longer followed, " + cancelled
                    + " waiting trigger(s) cancelled");
        }
        String commentId = event.comment().map(WebhookEvent.Comment::id).orElse("");
        return Handled.done(pending.cancelForComment(entry.issueId(), commentId) > 0
                ? "comment deleted: its waiting trigger was cancelled"
                : "comment deleted: no waiting trigger to cancel");
    }
}
