package dev.openhands.jiradc.webhooks.control;

import dev.openhands.jiradc.connections.boundary.Connections;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.platform.Repeating;
import dev.openhands.jiradc.webhooks.entity.Delivery;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

/**
 * Writes the delivery-log lines of deliveries that asked for nothing, a quarter of a second later
 * and many in one transaction, so that the 95 % of Jira's traffic that is not a trigger costs no
 * commit of its own. (Triggers are committed, with their line, before Jira gets its answer.) A crash
 * loses at most the last quarter second of such lines, never a trigger. Each tick writes all that is
 * waiting, so the lines keep up with any rate the database can take.
 */
@ApplicationScoped
public class DeliveryLogWriter {

    private static final Logger LOG = ProcessingContext.logger(DeliveryLogWriter.class);
    /** How often what was received is written; tests wait past it before checking that nothing was. */
    public static final long FLUSH_MILLIS = 250;
    private static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Connections connections;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final ConcurrentLinkedQueue<Delivery> pending = new ConcurrentLinkedQueue<>();
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledFuture<?> flushing;

    void start(@Observes Startup startup, DeliveryLogWriter self) {
        // a commit that fails after flush returns is caught and logged too
        flushing = Repeating.every(scheduler, Duration.ofMillis(FLUSH_MILLIS), () -> flushAll(self), LOG,
                "Could not write delivery-log lines; they are lost, no trigger is");
    }

    private static void flushAll(DeliveryLogWriter self) {
        while (self.flush() == BATCH) {
            // more are waiting: another transaction
        }
    }

    /** A line to write soon. */
    public void later(Delivery delivery) {
        pending.add(delivery);
        delivered.add(delivery.connectionId());
    }

    /** A delivery whose line is already committed: only the connection's last-delivery time is left to note. */
    public void deliveredTo(String connectionId) {
        delivered.add(connectionId);
    }

    /** @return how many lines it wrote: {@link #BATCH} at most */
    @Transactional
    public int flush() {
        List<Delivery> batch = new ArrayList<>();
        for (Delivery next; batch.size() < BATCH && (next = pending.poll()) != null;) {
            batch.add(next);
        }
        batch.forEach(em::persist);
        Set<String> connectionIds = new HashSet<>(delivered);
        delivered.removeAll(connectionIds);
        if (!connectionIds.isEmpty()) {
            connections.delivered(connectionIds, clock.instant());
        }
        return batch.size();
    }

    @PreDestroy
    void stop() {
        if (flushing != null) {
            flushing.cancel(false);
        }
    }
}
