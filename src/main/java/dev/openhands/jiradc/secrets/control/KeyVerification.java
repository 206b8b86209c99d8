package dev.openhands.jiradc.secrets.control;

import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.secrets.boundary.Secrets;
import dev.openhands.jiradc.secrets.entity.KeyCheck;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/** Checks that the configured secrets key is the one the stored secrets were sealed with. */
@ApplicationScoped
public class KeyVerification {

    private static final Logger LOG = ProcessingContext.logger(KeyVerification.class);

    @PersistenceContext
    EntityManager em;

    @Inject
    Secrets secrets;

    private volatile boolean verified;

    /**
     * At start, after the schema migration (which observes before everything else): the key a database is first
     * used with is recorded even where nothing asks for readiness, so that a key changed later is found, not recorded.
     */
    void checkAtStartup(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) Startup startup,
            KeyVerification self) {
        if (!secrets.available()) {
            return;
        }
        try {
            if (!self.keyMatchesDatabase()) {
                LOG.severe(
                        "secrets.key does not open the secrets stored in this database: it is not the key they were"
                                + " sealed with. Nothing is overwritten; restore the previous secrets.key. Until then"
                                + " the service is not ready.");
            }
        } catch (Exception e) {
            // also what a transaction manager throws undeclared at commit (Narayana's RollbackException on WildFly), as
            // when a readiness probe created the key check first
            LOG.warning(
                    () -> "Could not check secrets.key against the database at start (" + e.getClass().getSimpleName()
                            + "); readiness checks it again");
        }
    }

    /** @return true when the key opens the database's key check; the first call on an empty database creates it */
    @Transactional
    public boolean keyMatchesDatabase() {
        if (verified) {
            return true;
        }
        KeyCheck check = em.find(KeyCheck.class, KeyCheck.SINGLE_ROW);
        if (check == null) {
            em.persist(new KeyCheck(secrets.seal(KeyCheck.PURPOSE, KeyCheck.KNOWN_VALUE)));
            verified = true;
            return true;
        }
        try {
            verified = KeyCheck.KNOWN_VALUE.equals(secrets.open(KeyCheck.PURPOSE, check.sealedValue()));
        } catch (SecretCipher.UndecryptableSecret e) {
            verified = false;
        }
        return verified;
    }
}
