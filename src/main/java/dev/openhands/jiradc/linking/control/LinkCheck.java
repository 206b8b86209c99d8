package dev.openhands.jiradc.linking.control;

import dev.openhands.jiradc.accounts.boundary.Accounts;
import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.jira.boundary.Jira;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.linking.boundary.Links;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.LinkingMethod;
import dev.openhands.jiradc.settings.entity.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import java.util.List;

/**
 * The person's Check: proves their link works. OAuth: asks Jira who the stored token belongs to, refreshing it first if
 * it is about to expire. Email: finds the Jira user with the account's email and records the link. What stops it is a
 * 409 saying what to do; Jira failing is left to the Jira mappers (502).
 */
@ApplicationScoped
public class LinkCheck {

    @Inject
    TokenRefresher tokens;

    @Inject
    Jira jira;

    @Inject
    Accounts accounts;

    @Inject
    Links links;

    @Inject
    IntegrationSettings settings;

    /** @return the Jira user the link reaches */
    public JiraUser check(Account account) {
        return settings.linkingMethod() == LinkingMethod.EMAIL ? linkByEmail(account) : checkOAuth(account);
    }

    private JiraUser checkOAuth(Account account) {
        Secret token = tokens.accessToken(account.id()).orElseThrow(() -> new ClientErrorException(
                "Your Jira account is not connected with OAuth; click Connect first.", 409));
        return jira.myself(token);
    }

    private JiraUser linkByEmail(Account account) {
        List<JiraUser> matches = jira.usersByEmail(account.email());
        if (matches.size() != 1) {
            throw new ClientErrorException(matches.isEmpty()
                    ? "No Jira user has the email " + account.email()
                            + "; ask a Jira administrator to set it on your Jira profile."
                    : "Several Jira users have the email " + account.email()
                            + ", so none can be linked by email; ask a Jira"
                            + " administrator to make it unique.",
                    409);
        }
        if (accounts.byEmail(account.email()).size() > 1 || !links.linkByEmail(account.id(), matches.get(0))) {
            throw new ClientErrorException(
                    "The Jira user " + matches.get(0).name() + " cannot be linked to you by email: another"
                            + " OpenHands account has the same email, or yours is linked to another Jira user.",
                    409);
        }
        return matches.get(0);
    }
}
