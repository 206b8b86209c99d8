package dev.openhands.jiradc.jobs.control;

import dev.openhands.jiradc.jobs.boundary.Jobs;
import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.platform.ClaimedWork;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.platform.Workers;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows started jobs on the app server's managed executors. What is due is in the database (each job's
 * next check), so following resumes after a restart and any instance can take a job over; a job is
 * claimed for one check at a time, so no two instances report the same job. A job due sooner than the next
 * tick ({@link JobDue}: just started, or waiting for its conversation's link) is looked at then by the instance
 * that recorded it, so that "I'm on it" comes as soon as there is something to say.
 */
@ApplicationScoped
public class JobFollower {

    private static final Logger LOG = ProcessingContext.logger(JobFollower.class);
    /**
     * Each tick takes what fell due since the last; every second, so that OpenHands sees a steady trickle of checks,
     * not a burst every few seconds (an idle tick is one indexed query).
     */
    static final Duration LONGEST_TICK = Duration.ofSeconds(1);
    static final int BATCH = 8;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Workers workers;

    @Inject
    Jobs jobs;

    @Inject
    JobCheck check;

    @Inject
    IntegrationSettings settings;

    private final ClaimedWork<Job> work = new ClaimedWork<>("Following jobs", BATCH, LOG);
    private volatile ScheduledFuture<?> ticker;
    private volatile boolean stopped;

    void start(@Observes Startup startup) {
        if (settings.enabled()) {
            spreadOverdue();
            Duration poll = settings.jobPolicy().pollInterval();
            long tick = Math.max(100, Math.min(poll.toMillis(), LONGEST_TICK.toMillis()));
            ticker = scheduler.scheduleWithFixedDelay(this::checkDue, tick, tick, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * After every instance was down, the jobs that fell due meanwhile are checked over an interval, not all at once.
     */
    private void spreadOverdue() {
        try {
            int overdue = jobs.spreadOverdue();
            if (overdue > 0) {
                LOG.info(
                        () -> overdue + " jobs were overdue at start-up; their checks are spread over their intervals");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not spread the overdue jobs' checks; they are checked as they come", e);
        }
    }

    void checkDue() {
        work.drain(() -> jobs.claimDue(BATCH, settings.processingLease()), this::checkClaimed);
    }

    /**
     * Once the job's next check is recorded, this instance looks at it when it is due, unless another took it first: on
     * a managed worker, as the scheduler's thread is shared with the inbox and the ticks.
     */
    void dueSoon(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobDue due) {
        if (settings.enabled() && !stopped) {
            long delay = Math.max(0, Duration.between(Instant.now(), due.at()).toMillis());
            scheduler.schedule(() -> workers.execute(() -> checkIfDue(due.jobId())), delay, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Claims the job if it is due and checks it on this thread, renewing the claim meanwhile as a tick's batch does.
     */
    void checkIfDue(String jobId) {
        if (stopped) {
            return;
        }
        Duration lease = settings.processingLease();
        try {
            for (Job job : jobs.claimIfDue(jobId, lease)) {
                long every = Math.max(1, lease.toMillis() / 3);
                ScheduledFuture<?> renewing = scheduler.scheduleWithFixedDelay(() -> renew(job, lease), every, every,
                        TimeUnit.MILLISECONDS);
                try {
                    checkOne(job);
                } finally {
                    renewing.cancel(false);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not look at a job that was due; the next tick tries again", e);
        }
    }

    private void renew(Job job, Duration lease) {
        try {
            jobs.renewClaims(List.of(job), lease);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew the claim of a job still being checked; trying again", e);
        }
    }

    private void checkClaimed(List<Job> claimed) {
        Duration lease = settings.processingLease();
        work.inParallel(claimed, job -> {
            checkOne(job);
            return job;
        }, workers, lease, checking -> jobs.renewClaims(checking, lease));
    }

    private void checkOne(Job job) {
        ProcessingContext.with(() -> check.check(job), "issue", job.issueKey(), "delivery", job.triggerId(), "job",
                job.id());
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (ticker != null) {
            ticker.cancel(false);
        }
    }
}
