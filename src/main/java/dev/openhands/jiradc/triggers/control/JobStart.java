package dev.openhands.jiradc.triggers.control;

import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.jira.entity.JiraIssue;
import dev.openhands.jiradc.jira.entity.JiraIssue.JiraComment;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jira.entity.Visibility;
import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.jobs.boundary.JobAdmissions;
import dev.openhands.jiradc.jobs.boundary.JobComments;
import dev.openhands.jiradc.jobs.boundary.Jobs;
import dev.openhands.jiradc.jobs.entity.Admission;
import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.jobs.entity.JobRequest;
import dev.openhands.jiradc.openhands.boundary.OpenHands;
import dev.openhands.jiradc.openhands.entity.RepositoryLookup;
import dev.openhands.jiradc.openhands.entity.StartTask;
import dev.openhands.jiradc.openhands.entity.StartUnanswered;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.webhooks.boundary.ServiceAccountIdentity;
import dev.openhands.jiradc.webhooks.entity.InboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Starts a trigger's job in OpenHands, once: the job is recorded before OpenHands is asked (one per trigger, so a
 * retry or a second instance never starts a second conversation), and an attempt after one that asked without
 * recording the answer looks for that start before asking again. It does not wait for the conversation: the job's
 * follower says "I'm on it" (with the link as soon as OpenHands names the conversation) and how the start went.
 */
@ApplicationScoped
public class JobStart {

    private static final Logger LOG = ProcessingContext.logger(JobStart.class);

    @Inject
    Jobs jobs;

    @Inject
    JobAdmissions admissions;

    @Inject
    OpenHands openHands;

    /** What the delivery log says of a trigger whose job waits for a slot. */
    public static final String QUEUED = "queued: the job waits for a slot under the limits";

    /** What became of the start: the job started, or it is held at a limit (queued or refused), as the comment says. */
    public sealed interface Outcome permits Started, Held {
    }

    public record Started(Job job) implements Outcome {
    }

    public record Held(DeadEnd deadEnd) implements Outcome {
    }

    @Inject
    IntegrationSettings settings;

    @Inject
    ServiceAccountIdentity serviceAccount;

    /**
     * Records the job (unless an earlier attempt did, and crashed before OpenHands answered) and starts the
     * conversation.
     *
     * @param recorded the trigger's job, if an earlier attempt recorded it while it was still starting
     * @param namedIn where the repository was named, as the "I'm on it" comment says it
     * @return the job, started (its follower looks at it as soon as this commits); or held at a limit, queued to start
     *     when a slot frees or refused, with what to say
     */
    public Outcome start(InboxEntry entry, Optional<Job> recorded, WebhookEvent event, JiraIssue issue, Account account,
            JiraUser actor, RepositoryLookup.Found repository, String namedIn, String apiKey,
            Optional<Visibility> replies) {
        Optional<Job> previous = jobs.latestOn(issue.id())
                .filter(job -> !job.id().equals(recorded.map(Job::id).orElse("")));
        Job job;
        if (recorded.isPresent()) {
            job = recorded.get();
        } else {
            JobAdmissions.Admitted admitted = admissions.admit(entry.id(), new JobRequest(issue.id(), issue.key(),
                    event.comment().map(WebhookEvent.Comment::id), account.id(), actor.name(), repository.fullName(),
                    previous.map(Job::id), replies, Optional.of(namedIn)));
            Optional<Admission.Reached> reached = admitted.verdict().reached();
            String project = Job.projectOf(issue.key());
            TriggerComments say = new TriggerComments(settings.appUrl().orElseThrow(), settings.webUrl().orElseThrow(),
                    settings.mention());
            switch (admitted.verdict().outcome()) {
                case QUEUE -> {
                    LOG.info(() -> "Queued behind the limit " + reached.orElseThrow().limit());
                    return new Held(new DeadEnd(say.queued(actor, reached.orElseThrow(), project), QUEUED,
                            DeadEnd.Reason.QUEUED));
                }
                case REFUSE -> {
                    return new Held(new DeadEnd(say.refused(actor, reached.orElseThrow(), project),
                            "refused: the limit " + reached.orElseThrow().limit() + " is reached",
                            DeadEnd.Reason.LIMIT_REACHED));
                }
                default -> job = admitted.job().orElseThrow();
            }
        }
        String request = event.comment().map(WebhookEvent.Comment::body).orElse("");
        List<JiraComment> earlier = issue.comments().stream()
                .filter(comment -> event.comment().map(c -> !c.id().equals(comment.id())).orElse(true)).toList();
        ConversationRequest conversation = ConversationRequest.of(issue,
                settings.jiraBaseUrl().orElseThrow() + "/browse/" + issue.key(), repository.fullName(), actor, request,
                earlier, comment -> serviceAccount.current().is(comment.author()),
                previous.map(p -> jobComments().conversationLink(p.conversationId())));
        // OpenHands answers a start WORKING; a start that fails later (or at once) is the follower's to say, from the
        // task
        StartTask task = startOnce(apiKey, job, repository, conversation);
        return new Started(jobs.started(job.id(), task.id(), task.appConversationId().orElse(null)));
    }

    /**
     * OpenHands is asked to start a job's conversation once. An attempt after one that asked and did not record the
     * answer (its instance died, or the answer was lost on the way) first looks in OpenHands for that start, made under
     * the job's id; while the earlier request may still be on its way, it waits.
     */
    private StartTask startOnce(String apiKey, Job job, RepositoryLookup.Found repository,
            ConversationRequest conversation) {
        Optional<Instant> asked = job.startRequestedAt();
        if (asked.isPresent()) {
            Optional<StartTask> made = openHands.startMadeFor(apiKey, job.id(), asked.get());
            if (made.isPresent()) {
                LOG.info(
                        () -> "OpenHands had started this job's conversation when asked by an earlier attempt: start"
                                + " task "
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
            return openHands.startConversation(apiKey, job.id(), repository, conversation.title(),
                    conversation.message());
        } catch (StartUnanswered e) {
            throw e;
        } catch (RuntimeException e) {
            jobs.startNotMade(job.id());
            throw e;
        }
    }

    /**
     * Another attempt asked OpenHands to start the job, and its answer may still come: look again after {@link
     * #waitFor()}.
     */
    public static final class StartMayBeUnderway extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Duration wait;

        StartMayBeUnderway(Duration wait) {
            super("OpenHands was asked to start this job by another attempt, which may still be waiting for its"
                    + " answer");
            this.wait = wait;
        }

        public Duration waitFor() {
            return wait;
        }
    }

    private JobComments jobComments() {
        return new JobComments(settings.webUrl().orElseThrow(), settings.mention());
    }
}
