package dev.openhands.jiradc.jobs.boundary;

import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.jobs.entity.JobRequest;
import dev.openhands.jiradc.ops.control.ThisInstance;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Job records, each change committed on its own so that what OpenHands was asked, and what was said on
 * the issue, survives any later failure.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Jobs {

    /** Rows are locked as they are taken, so instances sharing a database never check the same job at once. */
    private static final String DUE = "select * from job where status in ('STARTED', 'STALE') and next_check_at <= ?1"
            + " order by next_check_at fetch first %d rows only for update skip locked";

    /** Before the "I'm on it" comment is confirmed, a job waits this long for its first check. */
    static final Duration FIRST_CHECK_GRACE = Duration.ofSeconds(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    IntegrationSettings settings;

    private final Clock clock = Clock.systemUTC();

    public Optional<Job> ofTrigger(String triggerId) {
        return em.createNamedQuery(Job.BY_TRIGGER, Job.class).setParameter("triggerId", triggerId).getResultStream().findFirst();
    }

    /** The newest job on the issue still being followed for this account: where a follow-up comment goes. */
    public Optional<Job> followedFor(String issueId, String accountId) {
        return followedOn(issueId).stream()
                .filter(job -> job.accountId().equals(accountId) && job.conversationId().isPresent()).findFirst();
    }

    /** The newest job on the issue that had a conversation: a new job's context links to it. */
    public Optional<Job> latestOn(String issueId) {
        return em.createNamedQuery(Job.LATEST_ON_ISSUE, Job.class).setParameter("issueId", issueId).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** Records that OpenHands is about to be asked; the trigger's unique key stops a second record. */
    public Job starting(String triggerId, JobRequest request) {
        Job job = new Job(triggerId, request, clock.instant());
        em.persist(job);
        return job;
    }

    public Job started(String jobId, String startTaskId, String conversationId) {
        Job job = em.find(Job.class, jobId);
        var now = clock.instant();
        job.started(startTaskId, conversationId, now, now.plus(FIRST_CHECK_GRACE), settings.jobPolicy().pollInterval());
        return job;
    }

    /** OpenHands took the request, but its start task failed before the conversation existed. */
    public Job startFailed(String jobId, String startTaskId, String reason) {
        Job job = em.find(Job.class, jobId);
        job.startFailed(startTaskId, reason, clock.instant());
        return job;
    }

    /** The issue says the job started: following begins at once. */
    public void announced(String jobId) {
        em.find(Job.class, jobId).announced(clock.instant(), settings.jobPolicy().pollInterval());
    }

    public void forwarded(String jobId, String targetJobId) {
        em.find(Job.class, jobId).forwardedTo(em.find(Job.class, targetJobId), clock.instant());
    }

    /** Takes up to {@code max} jobs due for a check, each for {@code lease}, after which another instance may take it. */
    @SuppressWarnings("unchecked")
    public List<Job> claimDue(int max, Duration lease) {
        var now = clock.instant();
        List<Job> due = em.createNativeQuery(DUE.formatted(max), Job.class).setParameter(1, now).getResultList();
        due.forEach(job -> job.claim(ThisInstance.NAME, now.plus(lease)));
        return due;
    }

    /** Records what a check found and when to look again; a job that has just become stale is said on the issue once. */
    public Job.Progress observed(String jobId, Job.Observation seen) {
        Job job = em.find(Job.class, jobId);
        var now = clock.instant();
        IntegrationSettings.JobPolicy policy = settings.jobPolicy();
        boolean news = job.observed(seen, now, policy.pollInterval(), policy.maxPollInterval());
        return job.staleAfter(policy.staleAfter(), now) ? Job.Progress.BECAME_STALE
                : news ? Job.Progress.NEWS : Job.Progress.NOTHING_NEW;
    }

    /** A check could not be made (OpenHands or Jira did not answer): try again later, backing off. */
    public void postponed(String jobId) {
        em.find(Job.class, jobId).postponed(clock.instant(), settings.jobPolicy().pollInterval(),
                settings.jobPolicy().maxPollInterval());
    }

    /**
     * OpenHands could not be read: try again later, backing off; a job unread for as long as a silent one becomes stale,
     * so the issue is told once instead of never.
     */
    public Job.Progress unreadable(String jobId) {
        postponed(jobId);
        return em.find(Job.class, jobId).staleAfter(settings.jobPolicy().staleAfter(), clock.instant())
                ? Job.Progress.BECAME_STALE : Job.Progress.NOTHING_NEW;
    }

    public void finished(String jobId, String summary, List<String> pullRequests) {
        em.find(Job.class, jobId).finished(summary, pullRequests, clock.instant());
    }

    public void failed(String jobId, String reason) {
        em.find(Job.class, jobId).failed(reason, clock.instant());
    }

    public void stopped(String jobId, String reason) {
        em.find(Job.class, jobId).stopped(reason, clock.instant());
    }

    /** The issue was deleted: its jobs are no longer followed, and nothing more is said. */
    public int stopFollowingIssue(String issueId) {
        List<Job> followed = followedOn(issueId);
        followed.forEach(job -> job.stopped("the issue was deleted", clock.instant()));
        return followed.size();
    }

    /** The issue's jobs still being followed, newest first. */
    private List<Job> followedOn(String issueId) {
        return em.createNamedQuery(Job.FOLLOWED_ON_ISSUE, Job.class).setParameter("issueId", issueId)
                .setParameter("followed", Job.Status.FOLLOWED).getResultList();
    }
}
