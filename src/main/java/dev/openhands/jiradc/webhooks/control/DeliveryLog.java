package dev.openhands.jiradc.webhooks.control;

import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.platform.Repeating;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.webhooks.entity.Delivery;
import dev.openhands.jiradc.webhooks.entity.InboxItem;
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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

/**
 * The delivery log: read for troubleshooting, pruned to {@code jira-dc.delivery-log.retention} every
 * hour (or as often as the retention, when that is shorter), and with it the inbox entries finished
 * before then: their payloads, and their keys, so a delivery repeated after that long would count
 * again (Jira does not repeat one that late).
 */
@ApplicationScoped
public class DeliveryLog {

    private static final Logger LOG = ProcessingContext.logger(DeliveryLog.class);
    /** How often to prune; a shorter retention is pruned as often as it is long. */
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    IntegrationSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledFuture<?> pruning;

    void schedulePruning(@Observes Startup startup, DeliveryLog self) {
        pruning = Repeating.every(scheduler, Repeating.pruningPeriod(PRUNE_EVERY, settings.deliveryLogRetention()),
                self::prune, LOG,
                "Could not prune the delivery log; the next run tries again");
    }

    @Transactional
    public List<Delivery> recent(int limit) {
        List<Object[]> lines = em.createNamedQuery(Delivery.RECENT, Object[].class).setMaxResults(limit)
                .getResultList();
        return lines.stream().map(line -> {
            Delivery delivery = (Delivery) line[0];
            delivery.processed((InboxItem.Status) line[1], (String) line[2]);
            return delivery;
        }).toList();
    }

    @Transactional
    public void prune() {
        Instant before = clock.instant().minus(settings.deliveryLogRetention());
        int pruned = em.createNamedQuery(Delivery.PRUNE).setParameter("before", before).executeUpdate();
        int finished = em.createNamedQuery(InboxItem.PRUNE).setParameter("before", before).executeUpdate();
        if (pruned + finished > 0) {
            LOG.info(() -> "Pruned " + pruned + " deliveries and " + finished + " finished inbox entries older than "
                    + settings.deliveryLogRetention());
        }
    }

    @PreDestroy
    void stop() {
        if (pruning != null) {
            pruning.cancel(false);
        }
    }
}
