package dev.openhands.jiradc.webhooks.control;

import dev.openhands.jiradc.ops.boundary.ProcessingContext;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
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
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** The delivery log: read for troubleshooting, pruned every hour to {@code jira-dc.delivery-log.retention}. */
@ApplicationScoped
public class DeliveryLog {

    private static final Logger LOG = ProcessingContext.logger(DeliveryLog.class);

    @PersistenceContext
    EntityManager em;

    @Inject
    IntegrationSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledFuture<?> pruning;

    void schedulePruning(@Observes Startup startup, DeliveryLog self) {
        pruning = scheduler.scheduleWithFixedDelay(self::prune, 1, 60, TimeUnit.MINUTES);
    }

    @Transactional
    public List<Delivery> recent(int limit) {
        return em.createNamedQuery(Delivery.RECENT, Delivery.class).setMaxResults(limit).getResultList();
    }

    @Transactional
    public void prune() {
        int pruned = em.createNamedQuery(Delivery.PRUNE)
                .setParameter("before", clock.instant().minus(settings.deliveryLogRetention())).executeUpdate();
        if (pruned > 0) {
            LOG.info(() -> "Pruned " + pruned + " deliveries older than " + settings.deliveryLogRetention() + " from the delivery log");
        }
    }

    @PreDestroy
    void stop() {
        if (pruning != null) {
            pruning.cancel(false);
        }
    }
}
