package dev.openhands.jiradc.webhooks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.TreeMap;

/** What other components may know of the inbox: how many entries wait, are being worked on, or are done. */
@ApplicationScoped
public class InboxCounts {

    @PersistenceContext
    EntityManager em;

    /**
     * How many inbox entries there are in each status (the same on every instance: read from the database). By the
     * column's text, so that a status written by a newer version during a rolling upgrade is counted, not refused.
     */
    public Map<String, Long> byStatus() {
        Map<String, Long> counts = new TreeMap<>();
        for (Object row : em.createNativeQuery("select status, count(*) from inbox group by status").getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put(columns[0].toString(), ((Number) columns[1]).longValue());
        }
        return counts;
    }
}
