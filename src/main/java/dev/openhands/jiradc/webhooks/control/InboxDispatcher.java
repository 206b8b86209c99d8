package dev.openhands.jiradc.webhooks.control;

import dev.openhands.jiradc.ops.boundary.ProcessingContext;
import dev.openhands.jiradc.ops.control.ClaimedWork;
import dev.openhands.jiradc.ops.control.ThisInstance;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.webhooks.boundary.InboxHandler;
import dev.openhands.jiradc.webhooks.entity.Handled;
import dev.openhands.jiradc.webhooks.entity.InboxEntry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes the inbox on the app server's managed executors: polled every two seconds (which also
 * resumes what was pending at a restart), and nudged right after a new entry is committed.
 */
@ApplicationScoped
public class InboxDispatcher {

    private static final Logger LOG = ProcessingContext.logger(InboxDispatcher.class);
    static final Duration POLL = Duration.ofSeconds(2);
    static final int BATCH = 8;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService workers;

    @Inject
    InboxClaims claims;

    @Inject
    Instance<InboxHandler> handlers;

    @Inject
    IntegrationSettings settings;

    private final ClaimedWork<InboxEntry> work = new ClaimedWork<>("Processing the inbox", LOG);
    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledFuture<?> poller;

    void start(@Observes Startup startup) {
        if (settings.enabled()) {
            poller = scheduler.scheduleWithFixedDelay(this::drain, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A new entry was committed: process it now rather than at the next poll. */
    public void nudge() {
        work.request(scheduler, this::drain);
    }

    void drain() {
        work.drain(() -> claims.claim(ThisInstance.NAME, BATCH, clock.instant(), settings.processingLease()), this::process,
                workers);
    }

    private void process(InboxEntry entry) {
        ProcessingContext.with(() -> processInContext(entry),
                "issue", entry.issueKey() != null ? entry.issueKey() : entry.issueId(), "delivery", entry.id());
    }

    private void processInContext(InboxEntry entry) {
        Handled handled;
        if (handlers.isUnsatisfied()) {
            handled = Handled.retryAfter(Duration.ofMinutes(1), "nothing in this deployment handles inbox entries");
        } else {
            try {
                handled = handlers.get().handle(entry);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Unexpected error while processing inbox entry " + entry.id(), e);
                handled = Handled.retryAfter(settings.retryPolicy().delayAfter(entry.attempt()), "unexpected error: " + e.getClass().getSimpleName());
            }
        }
        claims.finish(entry.id(), handled, settings.retryPolicy().maxAttempts(), clock.instant());
        Handled result = handled;
        LOG.info(() -> entry.webhookEvent() + ", attempt " + entry.attempt() + ": " + result.outcome() + ", " + result.result());
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.cancel(false);
        }
    }
}
