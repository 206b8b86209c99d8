package dev.openhands.jiradc.triggers.boundary;

import dev.openhands.jiradc.accounts.boundary.Accounts;
import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.jira.boundary.JiraIssues;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraIssue;
import dev.openhands.jiradc.jira.entity.JiraIssue.JiraComment;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.jobs.boundary.Jobs;
import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.linking.boundary.JiraUserResolution;
import dev.openhands.jiradc.linking.entity.Resolution;
import dev.openhands.jiradc.openhands.boundary.OpenHands;
import dev.openhands.jiradc.openhands.entity.ApiKeyRefused;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import dev.openhands.jiradc.openhands.entity.StartTask;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.triggers.control.ConversationRequest;
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
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Duration;
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

    /** One JSON provider rather than a lookup per call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(TriggerHandler.class.getName());
    static final Duration READY_WAIT = Duration.ofSeconds(20);

    @Inject
    JiraUserResolution resolution;

    @Inject
    Accounts accounts;

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

    @Override
    public Handled handle(InboxEntry entry) {
        if (entry.kind() == Decision.Kind.DELETION) {
            return Handled.done("recorded");
        }
        WebhookEvent event = WebhookEvent.parse(JSON.createReader(new StringReader(entry.payload())).readObject());
        JiraUser actor = event.actor().orElseThrow();
        String issueKey = event.issueKey().orElse(entry.issueId());
        TriggerComments say = new TriggerComments(settings.appUrl().orElseThrow());
        try {
            Resolution resolved = resolution.resolve(actor);
            return switch (resolved.status()) {
                case NO_ACCOUNT -> said(issueKey, say.noAccount(actor), "no OpenHands account for " + actor.name());
                case ACCOUNT_NOT_LINKED -> said(issueKey, say.accountNotLinked(actor), actor.name() + " has not connected Jira");
                case NO_OPENHANDS_KEY -> said(issueKey, say.noOpenHandsKey(actor), actor.name() + " has no OpenHands API key");
                case LINKED -> start(entry, event, actor, resolved.account().orElseThrow(), issueKey, say);
            };
        } catch (ApiKeyRefused e) {
            return said(issueKey, say.openHandsKeyRefused(actor), "OpenHands refused " + actor.name() + "'s API key");
        } catch (OpenHandsUnavailable e) {
            return unavailable(entry, issueKey, actor, say, e.getMessage(), Optional.empty());
        } catch (JiraCallFailed e) {
            if (e.status() == 401 || e.status() == 403) {
                serviceAccount.refused(e.getMessage());
                LOG.severe(() -> "Jira refused the service account's PAT, so nothing can be said on " + issueKey + ": "
                        + e.getMessage());
                return Handled.failed("Jira refused the service account: " + e.getMessage());
            }
            if (e.transientFailure()) {
                return unavailable(entry, issueKey, actor, say, e.getMessage(), e.retryAfter());
            }
            return Handled.failed(e.getMessage());
        }
    }

    private Handled start(InboxEntry entry, WebhookEvent event, JiraUser actor, Account account, String issueKey,
            TriggerComments say) {
        Optional<Job> earlier = jobs.ofTrigger(entry.id());
        if (earlier.filter(Job::announced).isPresent()) {
            return Handled.done("job started in " + earlier.get().repository());
        }
        JiraIssue issue = issues.read(issueKey, ConversationRequest.EARLIER_COMMENTS + 1);
        List<JiraComment> byPeople = issue.comments().stream().filter(comment -> !isBot(comment)).toList();
        Choice choice = RepositoryReferences.choose(issue.description(), byPeople.stream().map(JiraComment::body).toList());
        if (choice instanceof Choice.Missing) {
            return said(issueKey, say.noRepository(actor), "no repository named");
        }
        if (choice instanceof Choice.Ambiguous several) {
            return said(issueKey, say.severalRepositories(actor, several.repositories()),
                    "several repositories named: " + String.join(", ", several.repositories()));
        }
        String repository = ((Choice.Found) choice).repository();
        String apiKey = accounts.openHandsApiKey(account.id()).orElseThrow(() -> new ApiKeyRefused("no key"));
        if (!openHands.canAccess(apiKey, repository)) {
            return said(issueKey, say.noAccess(actor, repository), actor.name() + " cannot reach " + repository);
        }
        Job job = earlier.filter(j -> j.status() == Job.Status.STARTED).orElseGet(() -> begin(entry, event, issue, account,
                actor, repository, apiKey));
        String link = settings.appUrl().orElseThrow() + "/conversations" + job.conversationId().map(id -> "/" + id).orElse("");
        issues.comment(issueKey, say.onIt(actor, repository, link));
        jobs.announced(job.id());
        event.comment().filter(c -> event.webhookEvent().startsWith("comment_") || event.issueEventTypeName().isPresent())
                .ifPresent(comment -> issues.thumbsUp(comment.id()));
        return Handled.done("job started in " + repository);
    }

    private Job begin(InboxEntry entry, WebhookEvent event, JiraIssue issue, Account account, JiraUser actor, String repository,
            String apiKey) {
        Job job = jobs.ofTrigger(entry.id()).orElseGet(() -> jobs.starting(entry.id(), issue.id(), issue.key(), account.id(),
                repository));
        String request = event.comment().map(WebhookEvent.Comment::body).orElse("");
        List<JiraComment> earlier = issue.comments().stream()
                .filter(comment -> event.comment().map(c -> !c.id().equals(comment.id())).orElse(true)).toList();
        ConversationRequest conversation = ConversationRequest.of(issue,
                settings.jiraBaseUrl().orElseThrow() + "/browse/" + issue.key(), repository, actor.displayName(), request,
                earlier, this::isBot);
        StartTask task = openHands.startConversation(apiKey, repository, conversation.title(), conversation.message());
        Optional<String> conversationId = task.appConversationId().or(() -> awaitConversation(apiKey, task.id()));
        return jobs.started(job.id(), task.id(), conversationId.orElse(null));
    }

    /** The start task gets its conversation id when ready; wait a little for it, so the first comment can link to it. */
    private Optional<String> awaitConversation(String apiKey, String taskId) {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StartTask> task = openHands.startTask(apiKey, taskId);
            if (task.flatMap(StartTask::appConversationId).isPresent() || task.map(t -> t.status().equals("ERROR")).orElse(false)) {
                return task.flatMap(StartTask::appConversationId);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private boolean isBot(JiraComment comment) {
        return serviceAccount.current().is(comment.author());
    }

    private Handled said(String issueKey, String comment, String result) {
        issues.comment(issueKey, comment);
        return Handled.done(result);
    }

    /** Retried with backoff (or as Jira's Retry-After says); on the last attempt, said on the issue if Jira listens. */
    private Handled unavailable(InboxEntry entry, String issueKey, JiraUser actor, TriggerComments say, String reason,
            Optional<Duration> retryAfter) {
        if (!settings.retryPolicy().lastAttempt(entry.attempt())) {
            return Handled.retryAfter(retryAfter.orElse(settings.retryPolicy().delayAfter(entry.attempt())), reason);
        }
        try {
            issues.comment(issueKey, say.couldNotStart(actor, reason));
        } catch (JiraCallFailed e) {
            LOG.warning(() -> "Could not tell " + issueKey + " that its job did not start: " + e.getMessage());
        }
        return Handled.failed(reason);
    }
}
