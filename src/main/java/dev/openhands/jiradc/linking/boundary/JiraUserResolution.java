package dev.openhands.jiradc.linking.boundary;

import dev.openhands.jiradc.accounts.boundary.Accounts;
import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.linking.entity.JiraLink;
import dev.openhands.jiradc.linking.entity.LinkMethod;
import dev.openhands.jiradc.linking.entity.Resolution;
import dev.openhands.jiradc.linking.entity.Resolution.Status;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.LinkingMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Who a Jira user is here: the account linked to their Jira user key, by OAuth, or in email mode by the person's own
 * Check. Nothing is linked from a delivery; an account with the delivery's email is told to connect or check.
 */
@ApplicationScoped
@Transactional
public class JiraUserResolution {

    @Inject
    Accounts accounts;

    @Inject
    Links links;

    @Inject
    IntegrationSettings settings;

    /** Resolves the user for starting OpenHands, and refreshes what the link shows of their Jira user. */
    public Resolution resolve(JiraUser user) {
        return resolve(user, true);
    }

    /** The same answer, without recording anything: for troubleshooting. */
    public Resolution preview(JiraUser user) {
        return resolve(user, false);
    }

    private Resolution resolve(JiraUser user, boolean record) {
        // an email-made link proves nothing once people link by OAuth: it may stem from an email someone set on a
        // profile
        Optional<JiraLink> link = links.ofJiraUser(user.key())
                .filter(found -> found.method() == LinkMethod.OAUTH || settings.linkingMethod() == LinkingMethod.EMAIL);
        if (link.isPresent()) {
            if (record) {
                link.get().describe(user);
            }
            return accounts.byId(link.get().accountId()).map(this::usable).orElseGet(Resolution::noAccount);
        }
        // the email in a delivery is whatever its sender typed into their Jira profile: it says whom to tell to link,
        // never who they are; an email-mode link is made only by the person's own Check, with the email their sign-in
        // verified
        List<Account> sameEmail = user.emailAddress().map(accounts::byEmail).orElse(List.of());
        return sameEmail.isEmpty() ? Resolution.noAccount()
                : Resolution.of(Status.ACCOUNT_NOT_LINKED, sameEmail.get(0));
    }

    /** Linked, and OpenHands can start as them: they pasted a key, or this service gets keys itself. */
    private Resolution usable(Account account) {
        return Resolution.of(
                settings.managesApiKeys() || account.hasOpenHandsApiKey() ? Status.LINKED : Status.NO_OPENHANDS_KEY,
                account);
    }
}
