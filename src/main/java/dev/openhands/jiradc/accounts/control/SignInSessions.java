package dev.openhands.jiradc.accounts.control;

import dev.openhands.jiradc.accounts.entity.SignInSession;
import dev.openhands.jiradc.audit.boundary.Audit;
import dev.openhands.jiradc.audit.entity.AuditAction;
import dev.openhands.jiradc.audit.entity.AuditEvent;
import dev.openhands.jiradc.secrets.boundary.Pkce;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Signed-in sessions in the database, so that every instance knows who a browser signed in as and a sign-out ends the
 * session on all of them at once. A browser holds a random token; the table holds its hash.
 */
@ApplicationScoped
@Transactional
public class SignInSessions {

    @PersistenceContext
    EntityManager em;

    @Inject
    IntegrationSettings settings;

    @Inject
    Audit audit;

    private final Clock clock = Clock.systemUTC();

    /**
     * An admin's sign-in is recorded with the session, by their login (the email their sign-in vouched for).
     *
     * @return the token for the browser to send with every call
     */
    public String open(String accountId, String login, boolean admin) {
        Instant now = clock.instant();
        em.createNamedQuery(SignInSession.PRUNE).setParameter("before", now.minus(settings.signIn().sessionLifetime()))
                .executeUpdate();
        String token = Pkce.randomToken();
        em.persist(new SignInSession(token, accountId, admin, now));
        if (admin) {
            audit.record(AuditEvent.of(AuditAction.ADMIN_SIGNED_IN, login).outcome("signed in as a member of the"
                    + " admin group '" + settings.signIn().adminGroup() + "'"));
        }
        return token;
    }

    /** The session of this token, until it was ended or its lifetime ran out. */
    public Optional<SignInSession> find(String token) {
        return Optional.ofNullable(em.find(SignInSession.class, SignInSession.idOf(token)))
                .filter(session -> !session.endedBy(clock.instant(), settings.signIn().sessionLifetime()));
    }

    public void end(String token) {
        em.createNamedQuery(SignInSession.END).setParameter("id", SignInSession.idOf(token)).executeUpdate();
    }
}
