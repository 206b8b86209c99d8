package dev.openhands.jiradc.jobs.control;

import dev.openhands.jiradc.accounts.boundary.OpenHandsKeys;
import dev.openhands.jiradc.jira.boundary.JiraIssues;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jobs.boundary.JobComments;
import dev.openhands.jiradc.jobs.boundary.Jobs;
import dev.openhands.jiradc.jobs.entity.ClaimTakenOver;
import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.openhands.boundary.OpenHands;
import dev.openhands.jiradc.openhands.entity.ApiKeyNotIssued;
import dev.openhands.jiradc.openhands.entity.ApiKeyRefused;
import dev.openhands.jiradc.openhands.entity.Conversation;
import dev.openhands.jiradc.openhands.entity.Conversation.ExecutionStatus;
import dev.openhands.jiradc.openhands.entity.Conversation.SandboxStatus;
import dev.openhands.jiradc.openhands.entity.ConversationEvent;
import dev.openhands.jiradc.openhands.entity.EventsNotServed;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import dev.openhands.jiradc.openhands.entity.StartTask;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One look at one job: the start task until it is READY or ERROR, then the conversation until it
 * finishes, fails or goes silent. The first looks also say that the job started ("I'm on it"), with the
 * conversation's link as soon as the start task names the conversation, or without it once the link wait is over.
 * An ending is said on the issue before it is recorded, so a failed comment is tried again at the next check
 * rather than lost.
 */
@ApplicationScoped
public class JobCheck {

    private static final Logger LOG = ProcessingContext.logger(JobCheck.class);
    /** How far back the closing words are looked for: the agent's last events before it finished. */
    static final int CLOSING_EVENTS = 25;

    @Inject
    Jobs jobs;

    @Inject
    OpenHandsKeys keys;

    @Inject
    OpenHands openHands;

    @Inject
    JiraIssues issues;

    @Inject
    IntegrationSettings settings;

    /**
     * @param job as claimed for this check: what the check finds is recorded only while no other instance took it over
     */
    public void check(Job job) {
        try {
            lookAtOrPostpone(job);
        } catch (ClaimTakenOver e) {
            LOG.warning(() -> "This check took longer than its claim on the job for " + job.issueKey() + " and "
                    + e.getMessage() + "; what it found is left to that instance");
        }
    }

    private void lookAtOrPostpone(Job job) {
        try {
            lookAt(job);
        } catch (ClaimTakenOver e) {
            throw e;
        } catch (JiraCallFailed e) {
            if (e.status() == 404) {
                LOG.info(() -> "The issue " + job.issueKey() + " is gone; its job is no longer followed");
                jobs.stopped(job, "the issue is gone from Jira");
            } else {
                LOG.warning(() -> "Could not report on the job for " + job.issueKey() + ": " + e.getMessage());
                jobs.postponed(job);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Unexpected error while checking the job for " + job.issueKey(), e);
            jobs.postponed(job);
        }
    }

    private void lookAt(Job job) {
        try {
            Optional<String> apiKey = keys.current(job.accountId());
            if (apiKey.isEmpty()) {
                stop(job, "your OpenHands API key was removed from Settings > Integrations");
            } else {
                keys.run(job.accountId(), apiKey.get(), key -> follow(job, key));
            }
        } catch (ApiKeyRefused e) {
            stop(job, "OpenHands no longer accepts your API key; update it at Settings > Integrations");
        } catch (ApiKeyNotIssued e) {
            stop(job, "this service can no longer get an OpenHands API key for you (" + e.getMessage() + ")");
        } catch (EventsNotServed e) {
            LOG.warning(() -> "Cannot follow the job for " + job.issueKey() + ": " + e.getMessage());
            stop(job,
                    "this OpenHands server does not let me read the conversation's events, which I need to report how"
                            + " it ends; ask your administrator to update OpenHands");
        } catch (OpenHandsUnavailable e) {
            LOG.warning(() -> "Could not check on the job for " + job.issueKey() + ": " + e.getMessage());
            Job.Announcement due = announcement(job, job.conversationId());
            if (due == Job.Announcement.WAIT_FOR_LINK) {
                jobs.awaitingLink(job, Optional.empty());
            } else if (due != Job.Announcement.NOT_DUE) {
                announce(job, job.conversationId(), Optional.empty());
            } else if (jobs.unreadable(job) == Job.Progress.BECAME_STALE) {
                sayStale(job,
                        comments().unreadable(job.actorName(), Duration.between(job.lastChangeAt(), Instant.now()),
                                job.conversationId()));
            }
        }
    }

    private void follow(Job job, String apiKey) {
        if (job.conversationId().isEmpty()) {
            followStartTask(job, apiKey);
        } else if (announcement(job, job.conversationId()) == Job.Announcement.WITH_LINK) {
            announce(job, job.conversationId(), Optional.empty());
        } else {
            followConversation(job, apiKey, job.conversationId().get());
        }
    }

    private void followStartTask(Job job, String apiKey) {
        Optional<StartTask> task = openHands.startTask(apiKey, job.startTaskId().orElseThrow());
        if (task.isEmpty()) {
            fail(job, "OpenHands no longer knows the task that was starting the conversation");
        } else if (task.get().failed()) {
            fail(job, task.get().failure());
        } else {
            Optional<String> conversationId = task.get().appConversationId();
            Job.Observation seen = new Job.Observation(task.get().status().name(), conversationId.orElse(null), null,
                    null);
            switch (announcement(job, conversationId)) {
                case WITH_LINK, WITHOUT_LINK -> announce(job, conversationId, Optional.of(seen));
                case WAIT_FOR_LINK -> jobs.awaitingLink(job, Optional.of(seen));
                case NOT_DUE -> observe(job, seen);
            }
        }
    }

    private Job.Announcement announcement(Job job, Optional<String> conversationId) {
        return job.announcement(conversationId, Instant.now(), settings.jobPolicy().linkWait());
    }

    /**
     * Says on the issue that the job started, once, however many instances follow it: the instance that claims the
     * saying says it; one that claims it after an earlier claim ran out (its instance stopped, perhaps after saying it)
     * looks at the issue's comments first. The thumbs-up on the request goes with it, as a courtesy that may fail.
     */
    private void announce(Job job, Optional<String> conversationId, Optional<Job.Observation> seen) {
        Job.AnnouncementClaim claim = jobs.announcing(job);
        if (claim == Job.AnnouncementClaim.TAKEN) {
            jobs.announcedElsewhere(job);
            return;
        }
        if (claim == Job.AnnouncementClaim.FIRST || !issues.hasCommentedOn(job.issueKey(), job.id(), "start")) {
            try {
                issues.comment(job.issueKey(), comments().onIt(job.actorName(), job.repository(),
                        job.repositoryNamedIn().orElseThrow(), conversationId), job.id(), "start",
                        job.replyVisibility());
            } catch (JiraCallFailed e) {
                jobs.announcingFailed(job);
                throw e;
            }
        }
        jobs.announced(job, seen);
        LOG.info(() -> "Said on the issue that the job started" + (conversationId.isPresent() ? ", with the link to "
                + conversationId.get() : ", without the link: the conversation had no id yet"));
        job.commentId().ifPresent(commentId -> {
            try {
                issues.thumbsUp(commentId);
            } catch (JiraCallFailed e) {
                LOG.warning(
                        () -> "Could not add a thumbs-up to the request on " + job.issueKey() + ": " + e.getMessage());
            }
        });
    }

    private void followConversation(Job job, String apiKey, String conversationId) {
        Optional<Conversation> found = openHands.conversation(apiKey, conversationId);
        if (found.isEmpty()) {
            stop(job, "the conversation was deleted in OpenHands");
            return;
        }
        Conversation conversation = found.get();
        ExecutionStatus status = conversation.executionStatus().orElse(null);
        if (status == ExecutionStatus.FINISHED) {
            finish(job, conversation, openHands.newestEvents(apiKey, conversationId, CLOSING_EVENTS));
        } else if (status == ExecutionStatus.ERROR || status == ExecutionStatus.STUCK) {
            List<ConversationEvent> events = openHands.newestEvents(apiKey, conversationId, CLOSING_EVENTS);
            String error = events.stream().filter(event -> event.kind() == ConversationEvent.Kind.ERROR)
                    .flatMap(event -> event.text().stream()).findFirst()
                    .orElse(status == ExecutionStatus.ERROR ? "the agent ran into an error"
                            : "the agent got stuck and could not go on");
            fail(job, error);
        } else if (status == null && conversation.sandboxStatus() != SandboxStatus.RUNNING) {
            // the sandbox was paused or removed: the agent may have finished between two checks
            List<ConversationEvent> events = openHands.newestEvents(apiKey, conversationId, CLOSING_EVENTS);
            if (lastWords(events).filter(event -> event.kind() == ConversationEvent.Kind.FINISH).isPresent()) {
                finish(job, conversation, events);
            } else if (conversation.sandboxGone()) {
                fail(job, "its sandbox was removed before the agent finished");
            } else {
                observe(job,
                        new Job.Observation("READY", conversationId, conversation.sandboxStatus().name().toLowerCase(),
                                events.stream().findFirst().map(ConversationEvent::id).orElse(null)));
            }
        } else {
            String newest = openHands.newestEvents(apiKey, conversationId, 1).stream().findFirst()
                    .map(ConversationEvent::id)
                    .orElse(null);
            observe(job,
                    new Job.Observation("READY", conversationId, status == null ? null : status.apiName(), newest));
        }
    }

    private void observe(Job job, Job.Observation seen) {
        Job.Progress progress = jobs.observed(job, seen);
        if (progress == Job.Progress.NEWS) {
            LOG.info(() -> "OpenHands reports: start task " + seen.taskStatus() + ", conversation "
                    + Optional.ofNullable(seen.conversationId()).orElse("not yet") + ", status "
                    + Optional.ofNullable(seen.executionStatus()).orElse("unknown"));
        } else if (progress == Job.Progress.BECAME_STALE) {
            Duration silent = Duration.between(job.lastChangeAt(), Instant.now());
            LOG.info(() -> "No news for " + silent + "; saying on the issue that the job may be stuck");
            sayStale(job, comments().stale(job.actorName(), silent, Optional.ofNullable(seen.executionStatus()),
                    Optional.ofNullable(seen.conversationId())));
        }
    }

    /** Said before it is recorded, like the end: a notice Jira refused is said at the next check instead of never. */
    private void sayStale(Job job, String comment) {
        if (!issues.hasCommentedOn(job.issueKey(), job.id(), "stale")) {
            issues.comment(job.issueKey(), comment, job.id(), "stale", job.replyVisibility());
        }
        jobs.staleReported(job);
    }

    /** @param events the conversation's newest events, newest first, which hold the agent's closing words */
    private void finish(Job job, Conversation conversation, List<ConversationEvent> events) {
        Optional<String> summary = closingWords(events);
        String repository = conversation.repository().orElse(job.repository());
        List<String> pullRequests = PullRequestLinks.of(conversation.pullRequests(), repository,
                conversation.gitProvider(),
                settings.jobPolicy().pullRequestUrl());
        if (pullRequests.isEmpty()) {
            // OpenHands fills pr_number only when the agent used its own pull-request tool; it may have named one
            // itself
            pullRequests = summary.map(words -> PullRequestLinks.mentionedIn(words, repository)).orElse(List.of());
        }
        sayTheEnd(job,
                comments().finished(job.actorName(), job.repository(), summary, pullRequests, job.conversationId()));
        jobs.finished(job, summary.orElse(""), pullRequests);
        int found = pullRequests.size();
        LOG.info(() -> "Finished with " + found + " pull request(s) known; reported on the issue");
    }

    /** The agent's closing words: the text of its {@link #lastWords}. */
    static Optional<String> closingWords(List<ConversationEvent> newestFirst) {
        return lastWords(newestFirst).flatMap(ConversationEvent::text);
    }

    /** The agent's newest finish call or message: the SDK's own rule for a conversation's final response. */
    private static Optional<ConversationEvent> lastWords(List<ConversationEvent> newestFirst) {
        return newestFirst.stream()
                .filter(event -> event.kind() == ConversationEvent.Kind.FINISH
                        || event.kind() == ConversationEvent.Kind.AGENT_MESSAGE)
                .findFirst();
    }

    private void fail(Job job, String reason) {
        sayTheEnd(job, comments().failed(job.actorName(), reason, job.conversationId()));
        jobs.failed(job, reason);
        LOG.info(() -> "Failed (" + reason + "); reported on the issue");
    }

    private void stop(Job job, String reason) {
        sayTheEnd(job, comments().stoppedFollowing(job.actorName(), reason, job.conversationId()));
        jobs.stopped(job, reason);
        LOG.info(() -> "No longer followed (" + reason + "); said on the issue");
    }

    /** Says how the job ended, unless an instance that died before recording it said it already. */
    private void sayTheEnd(Job job, String comment) {
        if (!issues.hasCommentedOn(job.issueKey(), job.id(), "end")) {
            issues.comment(job.issueKey(), comment, job.id(), "end", job.replyVisibility());
        }
    }

    private JobComments comments() {
        return new JobComments(settings.webUrl().orElseThrow(), settings.mention());
    }
}
