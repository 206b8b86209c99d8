package dev.openhands.jiradc.jobs.boundary;

import dev.openhands.jiradc.audit.boundary.Audit;
import dev.openhands.jiradc.audit.entity.AuditAction;
import dev.openhands.jiradc.audit.entity.AuditEvent;
import dev.openhands.jiradc.jobs.entity.Admission;
import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.jobs.entity.JobEnded;
import dev.openhands.jiradc.jobs.entity.JobLimits;
import dev.openhands.jiradc.jobs.entity.JobRequest;
import dev.openhands.jiradc.platform.ProcessingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Lets jobs in under the limits, across instances: every admission locks the one row of the limits
 * ({@code SELECT ... FOR UPDATE}), counts what runs and waits, and records the new job as starting or queued, in one
 * transaction; so two instances admit one after the other, each counting what the other recorded. A queued job starts
 * when a slot frees, in the order the triggers came, on whichever instance looks first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JobAdmissions {

    private static final Logger LOG = ProcessingContext.logger(JobAdmissions.class);

    /** How far back the per-issue-per-day limit counts. */
    static final Duration DAY = Duration.ofHours(24);

    @PersistenceContext
    EntityManager em;

    @Inject
    Instance<QueuedTriggers> triggers;

    @Inject
    Event<JobEnded> ended;

    /** A change of the limits is recorded in its transaction, by the admin's login. */
    @Inject
    Audit audit;

    private final Clock clock = Clock.systemUTC();

    /** What became of a trigger at the limits: its job (starting or queued), or none, and the limit it met. */
    public record Admitted(Optional<Job> job, Admission.Verdict verdict) {
    }

    /** Records the trigger's job as starting, or as queued behind a full limit; or refuses it, recording nothing. */
    public Admitted admit(String triggerId, JobRequest request) {
        Instant now = clock.instant();
        if (!em.find(JobLimits.class, JobLimits.ID).values().limits()) {
            // no limit set: nothing to count, and no lock to queue every trigger of every instance behind
            Job job = new Job(triggerId, request, Job.Status.STARTING, now);
            em.persist(job);
            return new Admitted(Optional.of(job), Admission.Verdict.START);
        }
        JobLimits.Values limits = locked().values();
        Admission.Verdict verdict = Admission.onArrival(limits, occupancy(limits, request, now));
        if (verdict.outcome() == Admission.Outcome.REFUSE) {
            return new Admitted(Optional.empty(), verdict);
        }
        Job job = new Job(triggerId, request,
                verdict.outcome() == Admission.Outcome.START ? Job.Status.STARTING : Job.Status.QUEUED, now);
        em.persist(job);
        return new Admitted(Optional.of(job), verdict);
    }

    /**
     * Lets in the queued jobs that fit now, oldest first; each one let in has its trigger processed again, which starts
     * it. A job that does not fit counts as waiting ahead of those after it, in its scopes.
     *
     * @return how many were let in
     */
    public int startQueued() {
        if (em.createNamedQuery(Job.COUNT_ALL, Long.class).setParameter("statuses", List.of(Job.Status.QUEUED))
                .getSingleResult() == 0 || triggers.isUnsatisfied()) {
            return 0;
        }
        JobLimits.Values limits = locked().values();
        List<Job> queued = em.createNamedQuery(Job.IN_STATUSES, Job.class)
                .setParameter("statuses", List.of(Job.Status.QUEUED)).getResultList();
        Map<String, Integer> personRunning = perKey(Job.RUNNING_PER_ACCOUNT);
        Map<String, Integer> projectRunning = perKey(Job.RUNNING_PER_PROJECT);
        int running = count(Job.COUNT_ALL, Map.of());
        Map<String, Integer> personWaiting = new HashMap<>();
        Map<String, Integer> projectWaiting = new HashMap<>();
        int waiting = 0;
        int admitted = 0;
        Instant now = clock.instant();
        for (Job job : queued) {
            String person = job.accountId();
            String project = job.projectKey();
            Admission.Occupancy occupied = new Admission.Occupancy(
                    new Admission.Scope(personRunning.getOrDefault(person, 0), personWaiting.getOrDefault(person, 0)),
                    new Admission.Scope(projectRunning.getOrDefault(project, 0),
                            projectWaiting.getOrDefault(project, 0)),
                    new Admission.Scope(running, waiting), 0);
            QueuedTriggers.Resumed resumed = Admission.mayStart(limits, occupied)
                    ? triggers.get().resume(job.triggerId()) : QueuedTriggers.Resumed.BUSY;
            if (resumed == QueuedTriggers.Resumed.YES) {
                job.admitted(now);
                personRunning.merge(person, 1, Integer::sum);
                projectRunning.merge(project, 1, Integer::sum);
                running++;
                admitted++;
            } else if (resumed == QueuedTriggers.Resumed.GONE) {
                job.failed("its trigger is gone from the inbox (kept for the delivery log's retention)", now);
                LOG.warning(() -> "A queued job on " + job.issueKey() + " can no longer start: its trigger is gone");
            } else {
                personWaiting.merge(person, 1, Integer::sum);
                projectWaiting.merge(project, 1, Integer::sum);
                waiting++;
            }
        }
        return admitted;
    }

    /** The limits as they are now, with who set them last, when. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LimitsJson.Limits limitsAsSet() {
        JobLimits limits = em.find(JobLimits.class, JobLimits.ID);
        return LimitsJson.Limits.of(limits.values(), limits.updatedAt(), limits.updatedBy().orElse(null));
    }

    /** Changes the limits, on every instance at once (each admission reads them); raised limits let queued jobs in. */
    public JobLimits.Values change(JobLimits.Values to, String by) {
        JobLimits limits = locked();
        limits.change(to, by, clock.instant());
        audit.record(AuditEvent.of(AuditAction.LIMITS_CHANGED, by).outcome(limits.values().described()));
        // after this commits, the queue is looked at as when a job ends
        ended.fire(new JobEnded(""));
        return limits.values();
    }

    /** The jobs running or waiting, oldest first: waiting ones in the order they start. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Job> active() {
        return em.createNamedQuery(Job.IN_STATUSES, Job.class).setParameter("statuses", Job.Status.ACTIVE)
                .getResultList();
    }

    private JobLimits locked() {
        return em.find(JobLimits.class, JobLimits.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    private Admission.Occupancy occupancy(JobLimits.Values limits, JobRequest request, Instant now) {
        int issueToday = limits.perIssuePerDay().isEmpty() ? 0
                : em.createNamedQuery(Job.COUNT_ASKED_ON_ISSUE, Long.class).setParameter("issueId", request.issueId())
                        .setParameter("since", now.minus(DAY)).getSingleResult().intValue();
        Admission.Scope person = limits.perPerson().isEmpty() ? Admission.Scope.EMPTY
                : scope(Job.COUNT_OF_ACCOUNT, Map.of("account", request.accountId()));
        Admission.Scope project = limits.perProject().isEmpty() ? Admission.Scope.EMPTY
                : scope(Job.COUNT_IN_PROJECT, Map.of("project", Job.projectOf(request.issueKey())));
        Admission.Scope all = limits.installation().isEmpty() ? Admission.Scope.EMPTY
                : scope(Job.COUNT_ALL, Map.of());
        return new Admission.Occupancy(person, project, all, issueToday);
    }

    private Admission.Scope scope(String query, Map<String, Object> parameters) {
        return new Admission.Scope(count(query, parameters), countQueued(query, parameters));
    }

    private int count(String query, Map<String, Object> parameters) {
        return countIn(query, parameters, Job.Status.RUNNING);
    }

    private int countQueued(String query, Map<String, Object> parameters) {
        return countIn(query, parameters, List.of(Job.Status.QUEUED));
    }

    private int countIn(String query, Map<String, Object> parameters, List<Job.Status> statuses) {
        var counting = em.createNamedQuery(query, Long.class).setParameter("statuses", statuses);
        parameters.forEach(counting::setParameter);
        return counting.getSingleResult().intValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Integer> perKey(String query) {
        Map<String, Integer> counts = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNamedQuery(query).setParameter("statuses", Job.Status.RUNNING)
                .getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }
}
