package dev.openhands.jiradc.triggers.control;

import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.jira.boundary.JiraIssues;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.jobs.boundary.JobComments;
import dev.openhands.jiradc.jobs.boundary.Jobs;
import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.jobs.entity.JobRequest;
import dev.openhands.jiradc.openhands.boundary.OpenHands;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.webhooks.entity.InboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** A follow-up comment while the same person's job on the issue is still running goes to that conversation. */
@ApplicationScoped
public class FollowUp {

    @Inject
    Jobs jobs;

    @Inject
    OpenHands openHands;

    @Inject
    JiraIssues issues;

    @Inject
    IntegrationSettings settings;

    /**
     * @return the running job the comment was passed on to; empty when there is none, or its conversation cannot take
     *     it (its sandbox is paused or gone): a new job starts instead
     */
    public Optional<Job> passOn(InboxEntry entry, WebhookEvent.Comment comment, JiraUser actor, Account account,
            String apiKey, Replies replies) {
        Optional<Job> running = jobs.followedFor(entry.issueId(), account.id());
        if (running.isEmpty() || !forwarded(entry, comment, actor, account, apiKey, running.get(), replies)) {
            return Optional.empty();
        }
        return running;
    }

    private boolean forwarded(InboxEntry entry, WebhookEvent.Comment comment, JiraUser actor, Account account,
            String apiKey, Job running, Replies replies) {
        String issueKey = replies.issueKey();
        String message = "Follow-up from " + actor.displayName() + " on Jira issue " + issueKey + " ("
                + settings.jiraBaseUrl().orElseThrow() + "/browse/" + issueKey + "):\n" + comment.body();
        if (!openHands.sendMessage(apiKey, running.conversationId().orElseThrow(), message)) {
            return false;
        }
        JobRequest request = new JobRequest(entry.issueId(), issueKey, Optional.of(comment.id()), account.id(),
                actor.name(),
                running.repository(), Optional.of(running.id()), replies.visibility(), Optional.empty());
        jobs.forwarded(jobs.starting(entry.id(), request).id(), running.id());
        JobComments say = new JobComments(settings.webUrl().orElseThrow(), settings.mention());
        issues.comment(issueKey, say.forwarded(actor.name(), running.conversationId()), replies.visibility());
        issues.thumbsUp(comment.id());
        return true;
    }
}
