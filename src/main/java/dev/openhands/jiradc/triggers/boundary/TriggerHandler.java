package dev.openhands.jiradc.triggers.boundary;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.accounts.boundary.OpenHandsKeys;
import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.jira.boundary.JiraIssues;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraIssue;
import dev.openhands.jiradc.jira.entity.JiraIssue.JiraComment;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jira.entity.Visibility;
import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.jobs.boundary.JobComments;
import dev.openhands.jiradc.jobs.boundary.Jobs;
import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.jobs.entity.JobRequest;
import dev.openhands.jiradc.linking.boundary.JiraUserResolution;
import dev.openhands.jiradc.linking.entity.Resolution;
import dev.openhands.jiradc.openhands.boundary.OpenHands;
import dev.openhands.jiradc.openhands.entity.ApiKeyNotIssued;
import dev.openhands.jiradc.openhands.entity.ApiKeyRefused;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import dev.openhands.jiradc.openhands.entity.RepositoryLookup;
import dev.openhands.jiradc.openhands.entity.StartTask;
import dev.openhands.jiradc.openhands.entity.StartUnanswered;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.settings.entity.GitProvider;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.triggers.control.ConversationRequest;
import dev.openhands.jiradc.triggers.control.Deletions;
import dev.openhands.jiradc.triggers.control.RepositoryReferences;
import dev.openhands.jiradc.triggers.control.RepositoryReferences.Choice;
import dev.openhands.jiradc.triggers.control.TriggerComments;
import dev.openhands.jiradc.webhooks.boundary.InboxHandler;
import dev.openhands.jiradc.webhooks.boundary.ServiceAccountIdentity;
import dev.openhands.jiradc.webhooks.entity.Decision;
import dev.openhands.jiradc.webhooks.entity.Handled;
import dev.openhands.jiradc.webhooks.entity.InboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * From a trigger to a running OpenHands job: who asked, which repository, whether they can reach
 * it, the conversation, and the comment that says so. Every dead end ends in a comment with the
 * next step; a Jira or OpenHands outage is retried, and reported on the issue if it lasts.
 */
@ApplicationScoped
public class TriggerHandler implements InboxHandler {

    private static final Logger LOG = ProcessingContext.logger(TriggerHandler.class);

    @Inject
    JiraUserResolution resolution;

    @Inject
    OpenHandsKeys keys;

    @Inject
    JiraIssues issues;

    @Inject
    OpenHands openHands;

    @Inject
    Jobs jobs;

    @Inject
    ServiceAccountIdentity serviceAccount;

    @Inject
    IntegrationSettings settings;

    @Inject
    Deletions deletions;

    @Override
    public Handled handle(InboxEntry entry) {
        WebhookEvent event = WebhookEvent.parse(JSON.createReader(new StringReader(entry.payload())).readObject());
        if (entry.kind() == Decision.Kind.DELETION) {
            return deletions.handle(entry, event);
        }
        JiraUser actor = event.actor().orElseThrow();
        Replies replies = new Replies(event.issueKey().orElse(entry.issueId()),
                event.comment().flatMap(WebhookEvent.Comment::visibility));
        TriggerComments say = new TriggerComments(settings.appUrl().orElseThrow(), settings.mention());
        try {
            Resolution resolved = resolution.resolve(actor);
            return switch (resolved.status()) {
                case NO_ACCOUNT -> said(replies, say.noAccount(actor), actor.name() + " has not signed in here");
                case ACCOUNT_NOT_LINKED -> said(replies, say.accountNotLinked(actor), actor.name() + " has not connected Jira");
                case NO_OPENHANDS_KEY -> said(replies, say.noOpenHandsKey(actor), actor.name() + " has no OpenHands API key");
                case LINKED -> keys.using(resolved.account().orElseThrow().id(),
                        apiKey -> start(entry, event, actor, resolved.account().orElseThrow(), apiKey, replies, say));
            };
        } catch (ApiKeyRefused e) {
            return said(replies, say.openHandsKeyRefused(actor), "OpenHands refused " + actor.name() + "'s API key");
        } catch (ApiKeyNotIssued e) {
            return said(replies, say.apiKeyNotIssued(actor, e.reason()), "no OpenHands API key for " + actor.name() + ": "
                    + e.getMessage());
        } catch (OpenHandsUnavailable e) {
            return unavailable(entry, replies, actor, say, "OpenHands", e.getMessage(), Optional.empty());
        } catch (StartMayBeUnderway e) {
            return unavailable(entry, replies, actor, say, "OpenHands", e.getMessage(), Optional.of(e.wait));
        } catch (JiraCallFailed e) {
            if (e.status() == 401 || e.status() == 403) {
                serviceAccount.refused(e.getMessage());
                LOG.severe(() -> "Jira refused the service account's PAT, so nothing can be said on " + replies.issueKey() + ": "
                        + e.getMessage());
                return Handled.failed("Jira refused the service account: " + e.getMessage());
            }
            if (e.transientFailure()) {
                return unavailable(entry, replies, actor, say, "Jira", e.getMessage(), e.retryAfter());
            }
            return Handled.failed(e.getMessage());
        }
    }

    /** Where the bot answers: on the issue, seen by those who could see the trigger comment. */
    private record Replies(String issueKey, Optional<Visibility> visibility) {
    }

    private Handled start(InboxEntry entry, WebhookEvent event, JiraUser actor, Account account, String apiKey, Replies replies,
            TriggerComments say) {
        String issueKey = replies.issueKey();
        Optional<Job> earlier = jobs.ofTrigger(entry.id());
        if (earlier.filter(Job::announced).isPresent()) {
            return Handled.done("job started in " + earlier.get().repository());
        }
        if (earlier.filter(job -> job.status() == Job.Status.FORWARDED).isPresent()) {
            return Handled.done("passed on to the running job");
        }
        if (earlier.isEmpty() && event.comment().isPresent()) {
            Optional<Job> running = jobs.followedFor(entry.issueId(), account.id());
            if (running.isPresent() && forwarded(entry, event, actor, account, apiKey, running.get(), replies)) {
                return Handled.done("passed on to the running job in " + running.get().repository());
            }
        }
        JiraIssue issue = issues.read(issueKey, ConversationRequest.EARLIER_COMMENTS + 1);
        String triggerId = event.comment().map(WebhookEvent.Comment::id).orElse("");
        Replies answer = new Replies(issueKey, replies.visibility().or(() -> issue.comments().stream()
                .filter(comment -> comment.id().equals(triggerId)).findFirst().flatMap(JiraComment::visibility)));
        List<JiraComment> earlierByPeople = issue.comments().stream()
                .filter(comment -> !isBot(comment) && !comment.id().equals(triggerId)).toList();
        Choice choice = RepositoryReferences.choose(issue.description(), event.comment().map(WebhookEvent.Comment::body).orElse(""),
                earlierByPeople, actor.key());
        if (choice instanceof Choice.Missing) {
            return said(answer, say.noRepository(actor), "no repository named");
        }
        if (choice instanceof Choice.Ambiguous several) {
            return said(answer, say.severalRepositories(actor, several.repositories()),
                    "several repositories named: " + String.join(", ", several.repositories()));
        }
        if (choice instanceof Choice.NamedByOthers others) {
            return said(answer, say.namedByOthers(actor, others.repository(), others.namedBy()),
                    others.repository() + " was named by " + others.namedBy() + ", not by " + actor.name());
        }
        Choice.Found named = (Choice.Found) choice;
        RepositoryLookup lookup = openHands.findRepository(apiKey, named.repository(),
                named.address().flatMap(address -> GitProvider.ofUrl(address, settings.gitHosts())));
        if (lookup instanceof RepositoryLookup.NotFound notFound) {
            return said(answer, say.noAccess(actor, named.repository(), notFound.searched()),
                    actor.name() + " cannot reach " + named.repository());
        }
        if (lookup instanceof RepositoryLookup.GitNotConnected none) {
            return said(answer, say.gitNotConnected(actor, named.repository(), none.providers()),
                    actor.name() + " has no Git connection in OpenHands");
        }
        RepositoryLookup.Found found = (RepositoryLookup.Found) lookup;
        String repository = found.fullName();
        Job job = earlier.filter(j -> j.status() != Job.Status.STARTING).orElseGet(() -> begin(entry, earlier, event, issue,
                account, actor, found, apiKey, answer.visibility()));
        if (job.status() == Job.Status.FAILED) {
            return said(answer, jobComments().failed(actor.name(), job.outcome().orElse(""), job.conversationId()),
                    job.outcome().orElse("OpenHands could not start the conversation"));
        }
        // started by an earlier attempt, not announced: that attempt may have died between its comment and recording it
        boolean mayHaveSaidIt = earlier.filter(j -> j.status() != Job.Status.STARTING).isPresent();
        if (!mayHaveSaidIt || !issues.hasCommentedOn(issueKey, job.id(), "start")) {
            issues.comment(issueKey, say.onIt(actor, repository, named.source(),
                    jobComments().conversationLink(job.conversationId())), job.id(), "start", answer.visibility());
        }
        jobs.announced(job.id());
        event.comment().ifPresent(comment -> issues.thumbsUp(comment.id()));
        return Handled.done("job started in " + repository);
    }

    /** Records the job (unless an earlier attempt did, and crashed before OpenHands answered) and starts the conversation. */
    private Job begin(InboxEntry entry, Optional<Job> recorded, WebhookEvent event, JiraIssue issue, Account account,
            JiraUser actor, RepositoryLookup.Found repository, String apiKey, Optional<Visibility> replies) {
        Optional<Job> previous = jobs.latestOn(issue.id()).filter(job -> !job.id().equals(recorded.map(Job::id).orElse("")));
        Job job = recorded.orElseGet(() -> jobs.starting(entry.id(), new JobRequest(issue.id(), issue.key(),
                event.comment().map(WebhookEvent.Comment::id), account.id(), actor.name(), repository.fullName(),
                previous.map(Job::id), replies)));
        String request = event.comment().map(WebhookEvent.Comment::body).orElse("");
        List<JiraComment> earlier = issue.comments().stream()
                .filter(comment -> event.comment().map(c -> !c.id().equals(comment.id())).orElse(true)).toList();
        ConversationRequest conversation = ConversationRequest.of(issue,
                settings.jiraBaseUrl().orElseThrow() + "/browse/" + issue.key(), repository.fullName(), actor, request,
                earlier, this::isBot, previous.map(p -> jobComments().conversationLink(p.conversationId())));
        StartTask seen = awaitConversation(apiKey, startOnce(apiKey, job, repository, conversation));
        if (seen.failed()) {
            return jobs.startFailed(job.id(), seen.id(), seen.failure());
        }
        return jobs.started(job.id(), seen.id(), seen.appConversationId().orElse(null));
    }

    /**
     * OpenHands is asked to start a job's conversation once. An attempt after one that asked and did not record the
     * answer (its instance died, or the answer was lost on the way) first looks in OpenHands for that start, made under
     * the job's id; while the earlier request may still be on its way, it waits.
     */
    private StartTask startOnce(String apiKey, Job job, RepositoryLookup.Found repository, ConversationRequest conversation) {
        Optional<Instant> asked = job.startRequestedAt();
        if (asked.isPresent()) {
            Optional<StartTask> made = openHands.startMadeFor(apiKey, job.id(), asked.get());
            if (made.isPresent()) {
                LOG.info(() -> "OpenHands had started this job's conversation when asked by an earlier attempt: start task "
                        + made.get().id());
                return made.get();
            }
            Duration since = Duration.between(asked.get(), Instant.now());
            if (since.compareTo(OpenHands.LONGEST_CALL) < 0) {
                throw new StartMayBeUnderway(OpenHands.LONGEST_CALL.minus(since));
            }
        }
        if (!jobs.startRequested(job.id(), asked)) {
            throw new StartMayBeUnderway(OpenHands.LONGEST_CALL);
        }
        try {
            return openHands.startConversation(apiKey, job.id(), repository, conversation.title(), conversation.message());
        } catch (StartUnanswered e) {
            throw e;
        } catch (RuntimeException e) {
            jobs.startNotMade(job.id());
            throw e;
        }
    }

    /** Another attempt asked OpenHands to start the job, and its answer may still come: look again after {@code wait}. */
    private static final class StartMayBeUnderway extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final transient Duration wait;

        StartMayBeUnderway(Duration wait) {
            super("OpenHands was asked to start this job by another attempt, which may still be waiting for its answer");
            this.wait = wait;
        }
    }

    /**
     * The start task gets its conversation id when ready: wait a little for it, so that the first comment can link
     * to it (otherwise the job's follower learns it later).
     */
    private StartTask awaitConversation(String apiKey, StartTask task) {
        long deadline = System.nanoTime() + settings.jobPolicy().linkWait().toNanos();
        StartTask seen = task;
        // OpenHands always answers a start WORKING: the first look is at once, later ones further apart
        for (long pause = 0; seen.appConversationId().isEmpty() && !seen.failed() && System.nanoTime() < deadline;
                pause = Math.min(Math.max(2 * pause, 100), 2000)) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return seen;
            }
            seen = openHands.startTask(apiKey, task.id()).orElse(seen);
        }
        return seen;
    }

    /**
     * A follow-up comment while the same person's job is still running goes to that conversation.
     *
     * @return false when the conversation cannot take it (its sandbox is paused or gone): a new job starts instead
     */
    private boolean forwarded(InboxEntry entry, WebhookEvent event, JiraUser actor, Account account, String apiKey,
            Job running, Replies replies) {
        String issueKey = replies.issueKey();
        WebhookEvent.Comment comment = event.comment().orElseThrow();
        String message = "Follow-up from " + actor.displayName() + " on Jira issue " + issueKey + " ("
                + settings.jiraBaseUrl().orElseThrow() + "/browse/" + issueKey + "):\n" + comment.body();
        if (!openHands.sendMessage(apiKey, running.conversationId().orElseThrow(), message)) {
            return false;
        }
        jobs.forwarded(jobs.starting(entry.id(), new JobRequest(entry.issueId(), issueKey, Optional.of(comment.id()),
                account.id(), actor.name(), running.repository(), Optional.of(running.id()), replies.visibility())).id(), running.id());
        issues.comment(issueKey, jobComments().forwarded(actor.name(), running.conversationId()), replies.visibility());
        issues.thumbsUp(comment.id());
        return true;
    }

    private JobComments jobComments() {
        return new JobComments(settings.appUrl().orElseThrow(), settings.mention());
    }

    private boolean isBot(JiraComment comment) {
        return serviceAccount.current().is(comment.author());
    }

    private Handled said(Replies replies, String comment, String result) {
        issues.comment(replies.issueKey(), comment, replies.visibility());
        return Handled.done(result);
    }

    /** Retried with backoff (or as Jira's Retry-After says); on the last attempt, said on the issue if Jira listens. */
    private Handled unavailable(InboxEntry entry, Replies replies, JiraUser actor, TriggerComments say, String service, String reason,
            Optional<Duration> retryAfter) {
        if (!settings.retryPolicy().lastAttempt(entry.attempt())) {
            return Handled.retryAfter(retryAfter.orElse(settings.retryPolicy().delayAfter(entry.attempt())), reason);
        }
        try {
            issues.comment(replies.issueKey(), say.couldNotStart(actor, service), replies.visibility());
        } catch (JiraCallFailed e) {
            LOG.warning(() -> "Could not tell " + replies.issueKey() + " that its job did not start: " + e.getMessage());
        }
        return Handled.failed(reason);
    }
}
