package dev.openhands.jiradc.audit.control;

import dev.openhands.jiradc.audit.boundary.Audit;
import dev.openhands.jiradc.audit.entity.AuditAction;
import dev.openhands.jiradc.audit.entity.AuditEvent;
import dev.openhands.jiradc.audit.entity.AuditRecord;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.platform.Repeating;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
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
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

/**
 * Deletes the records older than {@code jira-dc.audit.retention} every hour (or as often as the retention, when that is
 * shorter), as the delivery log is pruned, and records how many in the same transaction. Every instance prunes: two at
 * once delete each row once (the second waits for the first's row locks and finds them gone), and only a pruning that
 * deleted something is recorded.
 */
@ApplicationScoped
public class AuditPruning {

    private static final Logger LOG = ProcessingContext.logger(AuditPruning.class);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    IntegrationSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledFuture<?> pruning;

    void schedulePruning(@Observes Startup startup, AuditPruning self) {
        pruning = Repeating.every(scheduler, Repeating.pruningPeriod(PRUNE_EVERY, settings.auditRetention()),
                self::prune, LOG,
                "Could not prune the audit trail; the next run tries again");
    }

    @Transactional
    public int prune() {
        Instant before = clock.instant().minus(settings.auditRetention());
        int pruned = em.createNamedQuery(AuditRecord.PRUNE).setParameter("before", before).executeUpdate();
        if (pruned > 0) {
            audit.record(AuditEvent.of(AuditAction.AUDIT_PRUNED, AuditEvent.SYSTEM)
                    .outcome(pruned + " records older than " + settings.auditRetention() + " (before " + before
                            + ") deleted"));
            LOG.info(() -> "Pruned " + pruned + " audit records older than " + settings.auditRetention());
        }
        return pruned;
    }

    @PreDestroy
    void stop() {
        if (pruning != null) {
            pruning.cancel(false);
        }
    }
}
