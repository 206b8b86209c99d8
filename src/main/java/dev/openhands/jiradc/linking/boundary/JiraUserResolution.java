package dev.openhands.jiradc.linking.boundary;

import dev.openhands.jiradc.accounts.boundary.Accounts;
import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.linking.entity.JiraLink;
import dev.openhands.jiradc.linking.entity.Resolution;
import dev.openhands.jiradc.linking.entity.Resolution.Status;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.LinkingMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Who a Jira user is here. A link made by OAuth (or recorded by email match) wins; otherwise, in
 * email mode, the one account whose email equals the Jira user's (ignoring case) is linked on first
 * use, and in OAuth mode an account with that email is told to connect.
 */
@ApplicationScoped
@Transactional
public class JiraUserResolution {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Links links;

    @Inject
    IntegrationSettings settings;

    /** Resolves the user for starting OpenHands; in email mode a first match is recorded as a link. */
    public Resolution resolve(JiraUser user) {
        return resolve(user, true);
    }

    /** The same answer, without recording anything: for troubleshooting. */
    public Resolution preview(JiraUser user) {
        return resolve(user, false);
    }

    private Resolution resolve(JiraUser user, boolean record) {
        Optional<JiraLink> link = links.ofJiraUser(user.key());
        if (link.isPresent()) {
            if (record) {
                link.get().describe(user);
            }
            return accounts.byId(link.get().accountId()).map(this::usable).orElseGet(Resolution::noAccount);
        }
        List<Account> sameEmail = user.emailAddress().map(accounts::byEmail).orElse(List.of());
        if (sameEmail.isEmpty()) {
            return Resolution.noAccount();
        }
        if (settings.linkingMethod() == LinkingMethod.OAUTH) {
            return Resolution.of(Status.ACCOUNT_NOT_LINKED, sameEmail.get(0));
        }
        if (sameEmail.size() > 1) {
            // two accounts share the email: matching either would be a guess
            return Resolution.noAccount();
        }
        Account account = sameEmail.get(0);
        if (links.ofAccount(account.id()).isPresent()) {
            return Resolution.of(Status.ACCOUNT_NOT_LINKED, account);
        }
        if (record) {
            em.persist(JiraLink.byEmail(account.id(), user));
        }
        return usable(account);
    }

    /** Linked, and OpenHands can start as them: they pasted a key, or this service gets keys itself. */
    private Resolution usable(Account account) {
        return Resolution.of(settings.managesApiKeys() || account.hasOpenHandsApiKey() ? Status.LINKED : Status.NO_OPENHANDS_KEY,
                account);
    }
}
