package dev.openhands.jiradc.webhooks.control;

import dev.openhands.jiradc.platform.ClaimedWork;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.platform.ThisInstance;
import dev.openhands.jiradc.platform.Workers;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.webhooks.boundary.InboxHandler;
import dev.openhands.jiradc.webhooks.entity.Handled;
import dev.openhands.jiradc.webhooks.entity.InboxEntry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes the inbox on the app server's managed executors: polled every two seconds (which also
 * resumes what was pending at a restart, and puts back what an instance that died left leased),
 * and nudged when a new entry is committed, which processes it a moment later with those that
 * came meanwhile.
 */
@ApplicationScoped
public class InboxDispatcher {

    private static final Logger LOG = ProcessingContext.logger(InboxDispatcher.class);
    static final Duration POLL = Duration.ofSeconds(2);
    /**
     * How long a nudge waits for more entries to claim with its own: a delay no one asking OpenHands for work notices.
     */
    static final Duration GATHERING = Duration.ofMillis(20);
    static final int BATCH = 8;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Workers workers;

    @Inject
    InboxClaims claims;

    @Inject
    Instance<InboxHandler> handlers;

    @Inject
    IntegrationSettings settings;

    private final ClaimedWork<InboxEntry> work = new ClaimedWork<>("Processing the inbox", BATCH, LOG);
    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledFuture<?> poller;

    void start(@Observes Startup startup) {
        if (settings.enabled()) {
            poller = scheduler.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** A new entry was committed: process it now rather than at the next poll. */
    public void nudge() {
        work.request(scheduler, this::drain, GATHERING);
    }

    void poll() {
        try {
            int released = claims.releaseExpired(clock.instant());
            if (released > 0) {
                LOG.warning(() -> released
                        + " inbox entries were left unfinished by an instance that stopped; processing them again");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not put back the inbox entries whose lease ran out; the next poll tries again",
                    e);
        }
        drain();
    }

    void drain() {
        if (work.drain(() -> claims.claim(ThisInstance.NAME, BATCH, clock.instant(), settings.processingLease()),
                this::process)) {
            nudge();
        }
    }

    /**
     * The whole batch stays claimed until all of it is done, the entries already done too: one transaction records what
     * became of them at the end.
     */
    private void process(List<InboxEntry> batch) {
        Duration lease = settings.processingLease();
        List<Handled> results = work.inParallel(batch,
                entry -> ProcessingContext.with(() -> handle(entry), about(entry)),
                workers, lease, working -> claims.renew(batch, ThisInstance.NAME, clock.instant().plus(lease)));
        List<InboxEntry> lost = claims.finish(batch, results, settings.retryPolicy().maxAttempts(), ThisInstance.NAME,
                clock.instant());
        for (int i = 0; i < batch.size(); i++) {
            InboxEntry entry = batch.get(i);
            Handled handled = results.get(i);
            String line = entry.webhookEvent() + ", attempt " + entry.attempt() + ": " + handled.outcome() + ", "
                    + handled.result();
            ProcessingContext.with(() -> {
                if (lost.contains(entry)) {
                    LOG.warning(line + "; not recorded, as this instance's claim ran out and another took the entry");
                } else {
                    LOG.info(line);
                }
            }, about(entry));
        }
    }

    private static String[] about(InboxEntry entry) {
        return new String[]{"issue", entry.issueKey() != null ? entry.issueKey() : entry.issueId(), "delivery",
                entry.id()};
    }

    private Handled handle(InboxEntry entry) {
        if (handlers.isUnsatisfied()) {
            return Handled.retryAfter(Duration.ofMinutes(1), "nothing in this deployment handles inbox entries");
        }
        try {
            return handlers.get().handle(entry);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Unexpected error while processing inbox entry " + entry.id(), e);
            return Handled.retryAfter(settings.retryPolicy().delayAfter(entry.attempt()),
                    "unexpected error: " + e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.cancel(false);
        }
    }
}
