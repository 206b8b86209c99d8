package dev.openhands.jiradc.connections.boundary;

import dev.openhands.jiradc.connections.entity.Connection;
import dev.openhands.jiradc.secrets.boundary.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the webhook receiver needs of connections: which secrets sign a delivery, and that one arrived. */
@ApplicationScoped
@Transactional
public class Connections {

    private static final Duration DELIVERY_PRECISION = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Secrets secrets;

    /** The secrets a delivery to this connection may be signed with now; none when it is unknown or inactive. */
    public List<String> acceptedSecrets(String connectionId, Instant now) {
        Connection connection = em.find(Connection.class, connectionId);
        if (connection == null || !connection.active()) {
            return List.of();
        }
        return connection.acceptedSealedSecrets(now).stream()
                .map(sealed -> secrets.open(Connection.SECRET_PURPOSE, sealed)).toList();
    }

    /** Notes the time of the last delivery, to the minute. */
    public void delivered(String connectionId, Instant now) {
        em.createNamedQuery(Connection.DELIVERED).setParameter("id", connectionId).setParameter("now", now)
                .setParameter("staleBefore", now.minus(DELIVERY_PRECISION)).executeUpdate();
    }
}
