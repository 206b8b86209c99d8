package dev.openhands.jiradc.jobs.control;

import dev.openhands.jiradc.jobs.boundary.Jobs;
import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.platform.ClaimedWork;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Follows started jobs on the app server's managed executors. What is due is in the database (each job's
 * next check), so following resumes after a restart and any instance can take a job over; a job is
 * claimed for one check at a time, so no two instances report the same job.
 */
@ApplicationScoped
public class JobFollower {

    private static final Logger LOG = ProcessingContext.logger(JobFollower.class);
    static final Duration LONGEST_TICK = Duration.ofSeconds(5);
    static final int BATCH = 8;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService workers;

    @Inject
    Jobs jobs;

    @Inject
    JobCheck check;

    @Inject
    IntegrationSettings settings;

    private final ClaimedWork<Job> work = new ClaimedWork<>("Following jobs", BATCH, LOG);
    private volatile ScheduledFuture<?> ticker;

    void start(@Observes Startup startup) {
        if (settings.enabled()) {
            Duration poll = settings.jobPolicy().pollInterval();
            long tick = Math.max(100, Math.min(poll.toMillis(), LONGEST_TICK.toMillis()));
            ticker = scheduler.scheduleWithFixedDelay(this::checkDue, tick, tick, TimeUnit.MILLISECONDS);
        }
    }

    void checkDue() {
        Duration lease = settings.processingLease();
        work.drain(() -> jobs.claimDue(BATCH, lease), due -> work.inParallel(due, job -> {
            ProcessingContext.with(() -> check.check(job), "issue", job.issueKey(), "delivery", job.triggerId(), "job", job.id());
            return job;
        }, workers, lease, checking -> jobs.renewClaims(checking, lease)));
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.cancel(false);
        }
    }
}
