package dev.openhands.jiradc.connections.boundary;

import dev.openhands.jiradc.connections.entity.Connection;
import dev.openhands.jiradc.secrets.boundary.Secrets;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the webhook receiver needs of connections: which secrets sign a delivery, and that deliveries
 * arrived. The secrets are kept in memory for a few seconds, so a busy webhook does not read and
 * decrypt them for every delivery; changes made here are seen at once, changes made on another
 * instance within {@link #CACHE_TIME}.
 */
@ApplicationScoped
public class Connections {

    static final Duration CACHE_TIME = Duration.ofSeconds(5);
    private static final Duration DELIVERY_PRECISION = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Secrets secrets;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

    /** A connection's secrets as loaded: none when it is unknown or inactive. */
    private record Accepted(String current, Optional<String> previous, Optional<Instant> previousUntil,
            Instant loadedAt) {

        List<String> at(Instant now) {
            if (current == null) {
                return List.of();
            }
            return previous.isPresent() && previousUntil.filter(now::isBefore).isPresent()
                    ? List.of(current, previous.get()) : List.of(current);
        }
    }

    /** The secrets a delivery to this connection may be signed with now; none when it is unknown or inactive. */
    public List<String> acceptedSecrets(String connectionId, Instant now) {
        Accepted known = accepted.get(connectionId);
        if (known == null || known.loadedAt().plus(CACHE_TIME).isBefore(now)) {
            known = load(connectionId, now);
            if (accepted.size() > 10_000) {
                accepted.clear(); // forged connection ids must not grow this without bound
            }
            accepted.put(connectionId, known);
        }
        return known.at(now);
    }

    /** Drops what is known of the connection, now and once the transaction changing it has ended. */
    public void forget(String connectionId) {
        accepted.remove(connectionId);
        if (transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    accepted.remove(connectionId);
                }
            });
        }
    }

    private Accepted load(String connectionId, Instant now) {
        Connection connection = em.find(Connection.class, connectionId);
        if (connection == null || !connection.active()) {
            return new Accepted(null, Optional.empty(), Optional.empty(), now);
        }
        List<String> sealed = connection.acceptedSealedSecrets(now);
        return new Accepted(open(sealed.get(0)),
                sealed.size() > 1 ? Optional.of(open(sealed.get(1))) : Optional.empty(),
                connection.previousSecretValidUntil(now), now);
    }

    private String open(String sealed) {
        return secrets.open(Connection.SECRET_PURPOSE, sealed);
    }

    /** Every connection, oldest first. */
    @Transactional
    public List<Connection> all() {
        return em.createNamedQuery(Connection.ALL, Connection.class).getResultList();
    }

    /** Notes the time of the last delivery to each connection, to the minute. */
    @Transactional
    public void delivered(Collection<String> connectionIds, Instant now) {
        for (String connectionId : connectionIds) {
            em.createNamedQuery(Connection.DELIVERED).setParameter("id", connectionId).setParameter("now", now)
                    .setParameter("staleBefore", now.minus(DELIVERY_PRECISION)).executeUpdate();
        }
    }
}
