package dev.openhands.jiradc.jobs.boundary;

import dev.openhands.jiradc.audit.boundary.Audit;
import dev.openhands.jiradc.audit.entity.AuditAction;
import dev.openhands.jiradc.audit.entity.AuditEvent;
import dev.openhands.jiradc.jobs.control.JobDue;
import dev.openhands.jiradc.jobs.entity.ClaimTakenOver;
import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.jobs.entity.JobEnded;
import dev.openhands.jiradc.jobs.entity.JobRequest;
import dev.openhands.jiradc.platform.ThisInstance;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
    private static final String DUE_ONE = "select * from job where id = ?1 and status in ('STARTED', 'STALE')"
            + " and next_check_at <= ?2 for update skip locked";

    /**
     * While "I'm on it" waits for the conversation's link, the job is looked at this often (or at the poll interval, if
     * shorter).
     */
    static final Duration LINK_PACE = Duration.ofSeconds(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    IntegrationSettings settings;

    /** Fired in the transaction that makes a job due soon: after it commits, the follower looks at the job then. */
    @Inject
    Event<JobDue> due;

    /** A job's start and end are recorded in the transaction that records them on the job. */
    @Inject
    Audit audit;

    /** Fired in the transaction that ends a job: after it commits, a job waiting for its slot may start. */
    @Inject
    Event<JobEnded> ended;

    private final Clock clock = Clock.systemUTC();

    /**
     * How many jobs there are in each status, for the metrics; a read in no transaction of its own. By the column's
     * text, so that a status written by a newer version during a rolling upgrade is counted, not refused.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new TreeMap<>();
        for (Object row : em.createNativeQuery("select status, count(*) from job group by status").getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put(columns[0].toString(), ((Number) columns[1]).longValue());
        }
        return counts;
    }

    public Optional<Job> ofTrigger(String triggerId) {
        return em.createNamedQuery(Job.BY_TRIGGER, Job.class).setParameter("triggerId", triggerId).getResultStream()
                .findFirst();
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

    /**
     * Records that OpenHands is about to be asked to start the job, unless another attempt did since this one read the
     * job ({@code seen}, when an earlier attempt asked): only the attempt that records it asks.
     *
     * @return false when another attempt asked meanwhile
     */
    public boolean startRequested(String jobId, Optional<Instant> seen) {
        var ask = seen.isEmpty() ? em.createNamedQuery(Job.REQUEST_FIRST_START)
                : em.createNamedQuery(Job.REQUEST_START_AGAIN).setParameter("seen", seen.get());
        // in whole milliseconds, which every database stores as given: the next attempt finds it by this value
        return ask.setParameter("id", jobId).setParameter("now", clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .executeUpdate() == 1;
    }

    /**
     * The trigger of a job that was to start is done without starting it (a dead end: OpenHands refused the key, the
     * repository is no longer found, ...; or OpenHands stayed down past the last attempt): the job ends as failed and
     * frees its slot. A job already started, or still queued, is left alone.
     */
    public void startGivenUp(String triggerId, String reason) {
        ofTrigger(triggerId).filter(job -> job.status() == Job.Status.STARTING).ifPresent(job -> {
            job.failed("did not start: " + reason, clock.instant());
            ended.fire(new JobEnded(job.id()));
        });
    }

    /** OpenHands answered the start with a refusal: nothing was started, and the next attempt asks afresh. */
    public void startNotMade(String jobId) {
        em.find(Job.class, jobId).startNotMade();
    }

    /**
     * OpenHands accepted the job: once this commits, the follower looks at it at once, to say on the issue that it
     * started.
     */
    public Job started(String jobId, String startTaskId, String conversationId) {
        Job job = em.find(Job.class, jobId);
        job.started(startTaskId, conversationId, clock.instant(), settings.jobPolicy().pollInterval());
        due.fire(new JobDue(job.id(), job.nextCheckAt().orElseThrow()));
        audit.record(about(AuditAction.JOB_STARTED, job).outcome("started in " + job.repository()));
        return job;
    }

    /**
     * What a check found while the "I'm on it" comment waits for the conversation's link: the job is looked at again
     * soon, at the latest as the link wait ends.
     */
    public void awaitingLink(Job checked, Optional<Job.Observation> seen) {
        Job job = held(checked);
        var now = clock.instant();
        IntegrationSettings.JobPolicy policy = settings.jobPolicy();
        seen.ifPresent(observation -> job.observed(observation, now, policy.pollInterval(), policy.maxPollInterval()));
        job.awaitLink(now, linkPace(policy), policy.linkWait());
        due.fire(new JobDue(job.id(), job.nextCheckAt().orElseThrow()));
    }

    /** Another instance is saying that the job started: look again soon, by when it has said it. */
    public void announcedElsewhere(Job checked) {
        Job job = held(checked);
        job.awaitLink(clock.instant(), linkPace(settings.jobPolicy()), settings.jobPolicy().linkWait());
        due.fire(new JobDue(job.id(), job.nextCheckAt().orElseThrow()));
    }

    private static Duration linkPace(IntegrationSettings.JobPolicy policy) {
        return policy.pollInterval().compareTo(LINK_PACE) < 0 ? policy.pollInterval() : LINK_PACE;
    }

    /**
     * Claims the saying of the "I'm on it" comment, so that one instance says it: the first claim; or, when a claim is
     * older than the processing lease (its instance stopped, perhaps after saying it), a new one.
     */
    public Job.AnnouncementClaim announcing(Job checked) {
        // in whole milliseconds, which every database stores as given: a failed attempt finds its claim by this value
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Job.AnnouncementClaim claim;
        if (em.createNamedQuery(Job.ANNOUNCE_FIRST).setParameter("id", checked.id()).setParameter("now", now)
                .executeUpdate() == 1) {
            claim = Job.AnnouncementClaim.FIRST;
        } else if (em.createNamedQuery(Job.ANNOUNCE_AGAIN).setParameter("id", checked.id()).setParameter("now", now)
                .setParameter("expired", now.minus(settings.processingLease())).executeUpdate() == 1) {
            claim = Job.AnnouncementClaim.AGAIN;
        } else {
            return Job.AnnouncementClaim.TAKEN;
        }
        checked.announcingSince(now);
        return claim;
    }

    /**
     * Jira did not take the "I'm on it" comment (or did, and its answer was lost): the claim is given up as if it had
     * run out, so that the next check says it at once, after looking whether it was said.
     */
    public void announcingFailed(Job checked) {
        checked.announcingAt()
                .ifPresent(claimed -> em.createNamedQuery(Job.ANNOUNCING_FAILED).setParameter("id", checked.id())
                        .setParameter("claimed", claimed)
                        .setParameter("expired", claimed.minus(settings.processingLease()).minusMillis(1))
                        .executeUpdate());
    }

    /** The issue says the job started: following goes on at the usual pace, with what the check saw. */
    public void announced(Job checked, Optional<Job.Observation> seen) {
        Job job = held(checked);
        var now = clock.instant();
        IntegrationSettings.JobPolicy policy = settings.jobPolicy();
        seen.ifPresent(observation -> job.observed(observation, now, policy.pollInterval(), policy.maxPollInterval()));
        job.announced(now, policy.pollInterval());
    }

    public void forwarded(String jobId, String targetJobId) {
        Job target = em.find(Job.class, targetJobId);
        Job followUp = em.find(Job.class, jobId);
        followUp.forwardedTo(target, clock.instant());
        audit.record(about(AuditAction.TRIGGER_PASSED_ON, target).who(followUp.actorName())
                .outcome("passed on to the running job in " + target.repository()));
    }

    /**
     * Takes up to {@code max} jobs due for a check, each for {@code lease}, after which another instance may take it.
     */
    @SuppressWarnings("unchecked")
    public List<Job> claimDue(int max, Duration lease) {
        var now = clock.instant();
        List<Job> due = em.createNativeQuery(DUE.formatted(max), Job.class).setParameter(1, now).getResultList();
        var until = untilAfter(now, lease);
        due.forEach(job -> job.claim(ThisInstance.NAME, until));
        return due;
    }

    /**
     * Spreads the jobs overdue now over their intervals ({@link Job#resumed}): for an instance starting when no other
     * followed them. Rows another instance is checking are locked, and skipped.
     *
     * @return how many were overdue
     */
    @SuppressWarnings("unchecked")
    public int spreadOverdue() {
        var now = clock.instant();
        List<Job> overdue = em.createNativeQuery(DUE.formatted(Integer.MAX_VALUE), Job.class).setParameter(1, now)
                .getResultList();
        overdue.forEach(job -> job.resumed(now));
        return overdue.size();
    }

    /** Takes this job for {@code lease}, if it is due for a check and no instance has taken it. */
    @SuppressWarnings("unchecked")
    public List<Job> claimIfDue(String jobId, Duration lease) {
        var now = clock.instant();
        List<Job> due = em.createNativeQuery(DUE_ONE, Job.class).setParameter(1, jobId).setParameter(2, now)
                .getResultList();
        var until = untilAfter(now, lease);
        due.forEach(job -> job.claim(ThisInstance.NAME, until));
        return due;
    }

    /**
     * Keeps the claims of these jobs, whose checks are still running, from running out: a check that takes longer than
     * the lease (a slow Jira or OpenHands) is not taken over by another instance meanwhile. A check that has already
     * recorded when to look next has ended its claim, and is left alone.
     */
    public void renewClaims(List<Job> checking, Duration lease) {
        var until = untilAfter(clock.instant(), lease);
        for (Job job : checking) {
            int renewed = em.createNamedQuery(Job.RENEW_CLAIM).setParameter("until", until).setParameter("id", job.id())
                    .setParameter("instance", ThisInstance.NAME).setParameter("claim", job.claimNumber())
                    .setParameter("current", job.claimedUntil()).executeUpdate();
            if (renewed == 1) {
                job.claimRenewed(until);
            }
        }
    }

    /** In whole milliseconds, which every database stores as given: a renewal finds the claim by this value. */
    private static Instant untilAfter(Instant now, Duration lease) {
        return now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Records what a check found and when to look again, and whether it is stale and the issue not yet told. */
    public Job.Progress observed(Job checked, Job.Observation seen) {
        Job job = held(checked);
        var now = clock.instant();
        IntegrationSettings.JobPolicy policy = settings.jobPolicy();
        boolean news = job.observed(seen, now, policy.pollInterval(), policy.maxPollInterval());
        return job.staleAfter(policy.staleAfter(), now) ? Job.Progress.BECAME_STALE
                : news ? Job.Progress.NEWS : Job.Progress.NOTHING_NEW;
    }

    public void staleReported(Job checked) {
        held(checked).staleReported(clock.instant());
    }

    /** A check could not be made (OpenHands or Jira did not answer): try again later, backing off. */
    public void postponed(Job checked) {
        held(checked).postponed(clock.instant(), settings.jobPolicy().pollInterval(),
                settings.jobPolicy().maxPollInterval());
    }

    /**
     * OpenHands could not be read: try again later, backing off; a job unread for as long as a silent one becomes
     * stale, so the issue is told once instead of never.
     */
    public Job.Progress unreadable(Job checked) {
        postponed(checked);
        return em.find(Job.class, checked.id()).staleAfter(settings.jobPolicy().staleAfter(), clock.instant())
                ? Job.Progress.BECAME_STALE : Job.Progress.NOTHING_NEW;
    }

    public void finished(Job checked, String summary, List<String> pullRequests) {
        Job job = held(checked);
        job.finished(summary, pullRequests, clock.instant());
        ended(job, pullRequests.isEmpty() ? "" : ", pull request " + String.join(" ", pullRequests));
    }

    public void failed(Job checked, String reason) {
        Job job = held(checked);
        job.failed(reason, clock.instant());
        ended(job, ": " + reason);
    }

    public void stopped(Job checked, String reason) {
        Job job = held(checked);
        job.stopped(reason, clock.instant());
        ended(job, ": " + reason);
    }

    /**
     * The job's end: recorded in the audit trail with its final status and, for a failure or a stop, the reason this
     * service wrote (OpenHands' or its own words, never the summary of the conversation); and, once this commits, a job
     * waiting for its slot may start.
     */
    private void ended(Job job, String detail) {
        audit.record(about(AuditAction.JOB_ENDED, job).outcome(job.status() + detail));
        ended.fire(new JobEnded(job.id()));
    }

    private AuditEvent about(AuditAction action, Job job) {
        return AuditEvent.of(action, job.actorName()).issue(job.issueKey()).job(job.id(),
                job.conversationId().map(id -> settings.webUrl().map(url -> url + "/conversations/" + id).orElse(id)));
    }

    /**
     * The job as it is now, locked until this change commits, if no other instance took it over since it was claimed
     * for {@code checked}: what a check whose claim ran out saw must not overwrite what the new owner saw.
     */
    private Job held(Job checked) {
        Job job = em.find(Job.class, checked.id(), LockModeType.PESSIMISTIC_WRITE);
        if (!job.stillClaimedAs(checked)) {
            throw new ClaimTakenOver("another instance took the job over after this one's claim ran out");
        }
        return job;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Job> byId(String jobId) {
        return Optional.ofNullable(em.find(Job.class, jobId));
    }

    /**
     * An admin stopped the job (its conversation in OpenHands is stopped): it ends as stopped, whatever a check under
     * way saw, and its slot frees. A job that ended meanwhile is left as it ended.
     *
     * @return the job as stopped; empty when it had ended already
     */
    public Optional<Job> stoppedByAdmin(String jobId, String reason, String admin) {
        Job job = em.find(Job.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !(job.running() || job.status() == Job.Status.QUEUED)) {
            return Optional.empty();
        }
        job.stoppedByAdmin(reason, clock.instant());
        audit.record(about(AuditAction.JOB_STOPPED_BY_ADMIN, job).who(admin));
        ended(job, ": " + reason);
        return Optional.of(job);
    }

    /** The issue was deleted: its jobs are no longer followed, and nothing more is said. */
    public int stopFollowingIssue(String issueId) {
        List<Job> followed = followedOn(issueId);
        followed.forEach(job -> {
            job.stopped("the issue was deleted", clock.instant());
            ended(job, ": the issue was deleted");
        });
        return followed.size();
    }

    /** The issue's jobs still being followed, newest first. */
    private List<Job> followedOn(String issueId) {
        return em.createNamedQuery(Job.FOLLOWED_ON_ISSUE, Job.class).setParameter("issueId", issueId)
                .setParameter("followed", Job.Status.FOLLOWED).getResultList();
    }
}
