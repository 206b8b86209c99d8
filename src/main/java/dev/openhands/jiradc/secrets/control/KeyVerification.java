package dev.openhands.jiradc.secrets.control;

import dev.openhands.jiradc.secrets.boundary.Secrets;
import dev.openhands.jiradc.secrets.entity.KeyCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Checks that the configured secrets key is the one the stored secrets were sealed with. */
@ApplicationScoped
public class KeyVerification {

    @PersistenceContext
    EntityManager em;

    @Inject
    Secrets secrets;

    private volatile boolean verified;

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
