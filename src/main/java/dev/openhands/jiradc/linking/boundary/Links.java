package dev.openhands.jiradc.linking.boundary;

import dev.openhands.jiradc.audit.boundary.Audit;
import dev.openhands.jiradc.audit.entity.AuditAction;
import dev.openhands.jiradc.audit.entity.AuditEvent;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.linking.entity.JiraLink;
import dev.openhands.jiradc.linking.entity.OAuthAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The links between Jira users and accounts. */
@ApplicationScoped
@Transactional
public class Links {

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    public Optional<JiraLink> ofAccount(String accountId) {
        return em.createNamedQuery(JiraLink.BY_ACCOUNT, JiraLink.class).setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    public Optional<JiraLink> ofJiraUser(String jiraKey) {
        return em.createNamedQuery(JiraLink.BY_JIRA_KEY, JiraLink.class).setParameter("jiraKey", jiraKey)
                .getResultStream().findFirst();
    }

    public List<JiraLink> all() {
        return em.createNamedQuery(JiraLink.ALL, JiraLink.class).getResultList();
    }

    /**
     * Links the account to the one Jira user that has its email, as the person's own Check asks: the account's email
     * was verified at sign-in, and Jira's user record is read with the service account, so no delivery decides it.
     *
     * @return false when the Jira user is linked to another account, or the account to another Jira user
     */
    public boolean linkByEmail(String accountId, JiraUser jiraUser) {
        Optional<JiraLink> ofUser = ofJiraUser(jiraUser.key());
        Optional<JiraLink> ofAccount = ofAccount(accountId);
        if (ofUser.filter(link -> !link.accountId().equals(accountId)).isPresent()
                || ofAccount.filter(link -> !link.jiraKey().equals(jiraUser.key())).isPresent()) {
            return false;
        }
        ofUser.ifPresentOrElse(link -> link.describe(jiraUser), () -> {
            em.persist(JiraLink.byEmail(accountId, jiraUser));
            audit.record(AuditEvent.of(AuditAction.ACCOUNT_LINKED, jiraUser.name())
                    .outcome("linked by email to account " + accountId));
        });
        return true;
    }

    /** Removes the account's link and, with it, its tokens. */
    public boolean disconnect(String accountId) {
        Optional<JiraLink> link = ofAccount(accountId);
        link.ifPresent(em::remove);
        link.ifPresent(gone -> audit.record(AuditEvent.of(AuditAction.ACCOUNT_UNLINKED, gone.jiraName())
                .outcome("unlinked (" + gone.method() + ") from account " + accountId)));
        return link.isPresent();
    }

    /** The latest finished "Connect" of anyone, for troubleshooting the OAuth setup. */
    public Optional<OAuthAttempt> lastAttemptOfAnyone() {
        return em.createNamedQuery(OAuthAttempt.LATEST_OF_ANYONE, OAuthAttempt.class).setMaxResults(1).getResultStream()
                .findFirst();
    }

    public Optional<OAuthAttempt> lastAttempt(String accountId) {
        return em.createNamedQuery(OAuthAttempt.LATEST, OAuthAttempt.class).setParameter("accountId", accountId)
                .setMaxResults(1).getResultStream().findFirst();
    }
}
