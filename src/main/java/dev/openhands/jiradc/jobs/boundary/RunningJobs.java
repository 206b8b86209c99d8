package dev.openhands.jiradc.jobs.boundary;

import dev.openhands.jiradc.accounts.boundary.OpenHandsKeys;
import dev.openhands.jiradc.jira.boundary.JiraIssues;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.openhands.boundary.OpenHands;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.util.logging.Logger;

/**
 * An admin stops a job: its conversation is stopped in OpenHands (deleted, with its sandbox, as the job's owner, whose
 * key the follower uses too), the job ends as stopped, the issue is told, and a job waiting for the slot may start. A
 * job still waiting is taken out of the queue, with nothing to stop in OpenHands.
 */
@ApplicationScoped
public class RunningJobs {

    private static final Logger LOG = ProcessingContext.logger(RunningJobs.class);
    static final String STOPPED = "stopped by an administrator";

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
     * What stopping did: the job as it ended, whether OpenHands still had the conversation, whether Jira took the
     * comment.
     */
    public record Stopped(Job job, boolean conversationDeleted, boolean issueTold) {
    }

    /**
     * @throws NotFoundException for an unknown job
     * @throws WebApplicationException 409 for a job that has ended, or is starting and has no conversation yet
     */
    public Stopped stop(String jobId, String admin) {
        Job job = jobs.byId(jobId).orElseThrow(() -> new NotFoundException("There is no job " + jobId + "."));
        if (job.status() == Job.Status.QUEUED) {
            return told(ended(jobId, admin), false,
                    comments().queuedCancelledByAdmin(job.actorName(), job.repository()));
        }
        if (!job.running()) {
            throw new WebApplicationException("This job is not running: it ended as " + job.status() + ".", 409);
        }
        if (job.conversationId().isEmpty()) {
            throw new WebApplicationException("This job is still starting and OpenHands has not named its"
                    + " conversation yet; try again in a few seconds.", 409);
        }
        String conversation = job.conversationId().get();
        boolean deleted = keys.using(job.accountId(), key -> openHands.deleteConversation(key, conversation));
        LOG.info(() -> "An administrator (" + admin + ") stopped the job on " + job.issueKey() + "; its conversation "
                + (deleted ? "was deleted" : "was gone from OpenHands already"));
        return told(ended(jobId, admin), deleted, comments().stoppedByAdmin(job.actorName(), job.repository()));
    }

    private Job ended(String jobId, String admin) {
        return jobs.stoppedByAdmin(jobId, STOPPED, admin)
                .orElseThrow(() -> new WebApplicationException("This job ended while it was being stopped.", 409));
    }

    private Stopped told(Job job, boolean deleted, String comment) {
        try {
            issues.comment(job.issueKey(), comment, job.id(), "end", job.replyVisibility());
            return new Stopped(job, deleted, true);
        } catch (JiraCallFailed e) {
            LOG.warning(() -> "Could not tell " + job.issueKey() + " that its job was stopped: " + e.getMessage());
            return new Stopped(job, deleted, false);
        }
    }

    private JobComments comments() {
        return new JobComments(settings.webUrl().orElseThrow(), settings.mention());
    }
}
