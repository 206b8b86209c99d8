package dev.openhands.jiradc.audit.boundary;

import dev.openhands.jiradc.audit.control.RequestAddress;
import dev.openhands.jiradc.audit.entity.AuditEvent;
import dev.openhands.jiradc.audit.entity.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The audit trail's one door for the components that record into it. A record joins the caller's transaction, so it
 * commits with the change it records, or not at all: never lost, never invented. It names the HTTP client's address
 * when made while serving a request.
 */
@ApplicationScoped
@Transactional
public class Audit {

    @PersistenceContext
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public void record(AuditEvent event) {
        em.persist(new AuditRecord(event, clock.instant(), RequestAddress.current()));
    }
}
