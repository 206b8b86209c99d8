package dev.openhands.jiradc.jobs.control;

import dev.openhands.jiradc.jobs.boundary.JobAdmissions;
import dev.openhands.jiradc.jobs.boundary.QueuedTriggers;
import dev.openhands.jiradc.jobs.entity.JobEnded;
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
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts queued jobs when slots free: at once on the instance that recorded a job's end (or a change of the limits),
 * and every few seconds on every instance, which also takes up what an instance that died between a job's end and the
 * queue's move left waiting. The queue itself is in the database (jobs in status {@code QUEUED}), so nothing is lost
 * with an instance.
 */
@ApplicationScoped
public class JobQueue {

    private static final Logger LOG = ProcessingContext.logger(JobQueue.class);
    static final Duration TICK = Duration.ofSeconds(5);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Workers workers;

    @Inject
    JobAdmissions admissions;

    @Inject
    Instance<QueuedTriggers> triggers;

    @Inject
    IntegrationSettings settings;

    private volatile ScheduledFuture<?> ticker;
    private volatile boolean stopped;

    void start(@Observes Startup startup) {
        if (settings.enabled()) {
            ticker = scheduler.scheduleWithFixedDelay(this::move, TICK.toMillis(), TICK.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    void slotFreed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobEnded ended) {
        if (settings.enabled() && !stopped) {
            workers.execute(this::move);
        }
    }

    void move() {
        if (stopped) {
            return;
        }
        try {
            int admitted = admissions.startQueued();
            if (admitted > 0) {
                LOG.info(() -> admitted + " queued jobs were let in as slots freed");
                triggers.get().processSoon();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look at the queue of jobs waiting for a slot; the next tick tries again",
                    e);
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (ticker != null) {
            ticker.cancel(false);
        }
    }
}
