package dev.openhands.jiradc.triggers.boundary;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.accounts.boundary.OpenHandsKeys;
import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.audit.boundary.Audit;
import dev.openhands.jiradc.audit.entity.AuditAction;
import dev.openhands.jiradc.audit.entity.AuditEvent;
import dev.openhands.jiradc.jira.boundary.JiraIssues;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraIssue;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.jobs.boundary.Jobs;
import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.linking.boundary.JiraUserResolution;
import dev.openhands.jiradc.linking.entity.Resolution;
import dev.openhands.jiradc.openhands.entity.ApiKeyNotIssued;
import dev.openhands.jiradc.openhands.entity.ApiKeyRefused;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.triggers.control.ConversationRequest;
import dev.openhands.jiradc.triggers.control.DeadEnd;
import dev.openhands.jiradc.triggers.control.Deletions;
import dev.openhands.jiradc.triggers.control.FollowUp;
import dev.openhands.jiradc.triggers.control.JobStart;
import dev.openhands.jiradc.triggers.control.Replies;
import dev.openhands.jiradc.triggers.control.TriggerComments;
import dev.openhands.jiradc.triggers.control.WhichRepository;
import dev.openhands.jiradc.triggers.control.WhoAsked;
import dev.openhands.jiradc.webhooks.boundary.InboxHandler;
import dev.openhands.jiradc.webhooks.boundary.ServiceAccountIdentity;
import dev.openhands.jiradc.webhooks.entity.Decision;
import dev.openhands.jiradc.webhooks.entity.Handled;
import dev.openhands.jiradc.webhooks.entity.InboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * From a trigger to a running OpenHands job, in steps: who asked ({@link WhoAsked}), a follow-up for their running job
 * ({@link FollowUp}), which repository ({@link WhichRepository}), the start ({@link JobStart}), and the comment that
 * says so. Every dead end ends in a comment with the next step; a Jira or OpenHands outage is retried, and reported on
 * the issue if it lasts.
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
    Jobs jobs;

    @Inject
    ServiceAccountIdentity serviceAccount;

    @Inject
    IntegrationSettings settings;

    @Inject
    Deletions deletions;

    @Inject
    FollowUp followUp;

    @Inject
    WhichRepository repositories;

    @Inject
    JobStart jobStart;

    @Inject
    Audit audit;

    @Override
    public Handled handle(InboxEntry entry) {
        Handled handled = handleTrigger(entry);
        if (handled.outcome() != Handled.Outcome.RETRY) {
            // a job recorded for this trigger and not started (a dead end, a failure) frees its slot under the limits
            jobs.startGivenUp(entry.id(), handled.result());
        }
        return handled;
    }

    private Handled handleTrigger(InboxEntry entry) {
        WebhookEvent event = WebhookEvent.parse(JSON.createReader(new StringReader(entry.payload())).readObject());
        if (entry.kind() == Decision.Kind.DELETION) {
            return deletions.handle(entry, event);
        }
        Handled handled = trigger(entry, event);
        if (handled.outcome() == Handled.Outcome.FAILED) {
            audit.record(AuditEvent.of(AuditAction.TRIGGER_FAILED, event.actor().map(JiraUser::name).orElse(null))
                    .issue(event.issueKey().orElse(entry.issueKey())).outcome(handled.result()));
        }
        return handled;
    }

    private Handled trigger(InboxEntry entry, WebhookEvent event) {
        if (event.actor().isEmpty()) {
            return Handled.failed("the event names no user to act for"); // kept by a version that did not check
        }
        JiraUser actor = event.actor().get();
        Replies replies = new Replies(event.issueKey().orElse(entry.issueId()),
                event.comment().flatMap(WebhookEvent.Comment::visibility));
        TriggerComments say = new TriggerComments(settings.appUrl().orElseThrow(), settings.webUrl().orElseThrow(),
                settings.mention());
        try {
            Resolution resolved = resolution.resolve(actor);
            Optional<DeadEnd> notSetUp = WhoAsked.deadEnd(resolved.status(), actor, say);
            if (notSetUp.isPresent()) {
                return said(replies, notSetUp.get(), actor);
            }
            Account account = resolved.account().orElseThrow();
            return keys.using(account.id(), apiKey -> start(entry, event, actor, account, apiKey, replies, say));
        } catch (ApiKeyRefused e) {
            return said(replies, new DeadEnd(say.openHandsKeyRefused(actor), "OpenHands refused " + actor.name()
                    + "'s API key", DeadEnd.Reason.OPENHANDS_KEY_REFUSED), actor);
        } catch (ApiKeyNotIssued e) {
            return said(replies, new DeadEnd(say.apiKeyNotIssued(actor, e.reason()), "no OpenHands API key for "
                    + actor.name() + ": " + e.getMessage(), DeadEnd.Reason.OPENHANDS_KEY_NOT_ISSUED), actor);
        } catch (OpenHandsUnavailable e) {
            return unavailable(entry, replies, actor, say, "OpenHands", e.getMessage(), Optional.empty());
        } catch (JobStart.StartMayBeUnderway e) {
            return unavailable(entry, replies, actor, say, "OpenHands", e.getMessage(), Optional.of(e.waitFor()));
        } catch (JiraCallFailed e) {
            return jiraFailed(entry, replies, actor, say, e);
        }
    }

    private Handled start(InboxEntry entry, WebhookEvent event, JiraUser actor, Account account, String apiKey,
            Replies replies,
            TriggerComments say) {
        Optional<Job> earlier = jobs.ofTrigger(entry.id());
        if (earlier.filter(job -> job.status() == Job.Status.FORWARDED).isPresent()) {
            return Handled.done("passed on to the running job");
        }
        if (earlier.filter(job -> job.status() == Job.Status.QUEUED).isPresent()) {
            return Handled.done(JobStart.QUEUED);
        }
        if (earlier.filter(job -> job.status() != Job.Status.STARTING).isPresent()) {
            return started(earlier.get());
        }
        if (earlier.isEmpty() && event.comment().isPresent()) {
            Optional<Job> running = followUp.passOn(entry, event.comment().get(), actor, account, apiKey, replies);
            if (running.isPresent()) {
                return Handled.done("passed on to the running job in " + running.get().repository());
            }
        }
        JiraIssue issue = issues.read(replies.issueKey(), ConversationRequest.EARLIER_COMMENTS + 1);
        String triggerId = event.comment().map(WebhookEvent.Comment::id).orElse("");
        Replies answer = replies.seenIn(issue, triggerId);
        WhichRepository.Answer where = repositories.find(apiKey, issue, triggerId,
                event.comment().map(WebhookEvent.Comment::body).orElse(""), actor, say);
        if (where instanceof WhichRepository.Nowhere nowhere) {
            return said(answer, nowhere.deadEnd(), actor);
        }
        WhichRepository.Named named = (WhichRepository.Named) where;
        JobStart.Outcome outcome = jobStart.start(entry, earlier, event, issue, account, actor, named.found(),
                named.namedIn(), apiKey, answer.visibility());
        return outcome instanceof JobStart.Held held ? said(answer, held.deadEnd(), actor)
                : started(((JobStart.Started) outcome).job());
    }

    /** The job started: its follower says so on the issue, with the conversation's link once OpenHands gives it. */
    private static Handled started(Job job) {
        return Handled.done(
                "job started in " + job.repository() + (job.announced() ? "; \"I'm on it\" said by the job follower"
                        : "; \"I'm on it\" pending, said by the job follower"));
    }

    /** Said on the issue, then recorded (with the reason's code, not the comment) once Jira took the comment. */
    private Handled said(Replies replies, DeadEnd deadEnd, JiraUser actor) {
        issues.comment(replies.issueKey(), deadEnd.comment(), replies.visibility());
        AuditAction action = deadEnd.reason() == DeadEnd.Reason.QUEUED ? AuditAction.TRIGGER_QUEUED
                : AuditAction.TRIGGER_REFUSED;
        audit.record(AuditEvent.of(action, actor.name()).issue(replies.issueKey())
                .reason(deadEnd.reason().name()).outcome(deadEnd.result()));
        return Handled.done(deadEnd.result());
    }

    private Handled jiraFailed(InboxEntry entry, Replies replies, JiraUser actor, TriggerComments say,
            JiraCallFailed e) {
        if (e.status() == 401 || e.status() == 403) {
            serviceAccount.refused(e.getMessage());
            LOG.severe(() -> "Jira refused the service account's PAT, so nothing can be said on " + replies.issueKey()
                    + ": "
                    + e.getMessage());
            return Handled.failed("Jira refused the service account: " + e.getMessage());
        }
        if (e.transientFailure()) {
            return unavailable(entry, replies, actor, say, "Jira", e.getMessage(), e.retryAfter());
        }
        return Handled.failed(e.getMessage());
    }

    /** Retried with backoff (or as Jira's Retry-After says); on the last attempt, said on the issue if Jira listens. */
    private Handled unavailable(InboxEntry entry, Replies replies, JiraUser actor, TriggerComments say, String service,
            String reason,
            Optional<Duration> retryAfter) {
        if (!settings.retryPolicy().lastAttempt(entry.attempt())) {
            return Handled.retryAfter(retryAfter.orElse(settings.retryPolicy().delayAfter(entry.attempt())), reason);
        }
        try {
            issues.comment(replies.issueKey(), say.couldNotStart(actor, service), replies.visibility());
        } catch (JiraCallFailed e) {
            LOG.warning(
                    () -> "Could not tell " + replies.issueKey() + " that its job did not start: " + e.getMessage());
        }
        return Handled.failed(reason);
    }
}
