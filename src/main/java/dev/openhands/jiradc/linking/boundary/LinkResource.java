package dev.openhands.jiradc.linking.boundary;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.accounts.boundary.Accounts;
import dev.openhands.jiradc.accounts.boundary.SignedInUser;
import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.jira.boundary.Jira;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.linking.control.OAuthLinking;
import dev.openhands.jiradc.linking.control.TokenRefresher;
import dev.openhands.jiradc.linking.entity.JiraLink;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.LinkingMethod;
import dev.openhands.jiradc.settings.entity.Secret;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;

/** The signed-in person's link to their Jira account: status, Connect, Disconnect, check. */
@Path("api/integrations/jira-dc/link")
@Produces(MediaType.APPLICATION_JSON)
public class LinkResource {

    @Inject
    SignedInUser user;

    @Inject
    Links links;

    @Inject
    OAuthLinking oauth;

    @Inject
    TokenRefresher tokens;

    @Inject
    Jira jira;

    @Inject
    Accounts accounts;


    @Inject
    IntegrationSettings settings;

    @GET
    public JsonObject status() {
        Account account = user.account();
        JsonObjectBuilder status = JSON.createObjectBuilder()
                .add("linkingMethod", settings.linkingMethod().configValue())
                .add("linked", false);
        links.ofAccount(account.id()).ifPresent(link -> status.add("linked", true).add("link", describe(link)));
        links.lastAttempt(account.id()).ifPresent(attempt -> status.add("lastAttempt", JSON.createObjectBuilder()
                .add("outcome", attempt.outcome().orElseThrow().code())
                .add("message", attempt.message())
                .add("at", attempt.finishedAt().toString())));
        return status.build();
    }

    /** "Connect": sends the browser to Jira to grant access. */
    @GET
    @Path("connect")
    public Response connect() {
        Account account = user.account();
        if (settings.linkingMethod() != LinkingMethod.OAUTH) {
            throw new ClientErrorException("This installation links Jira users by email (" + SettingsKeys.LINKING_METHOD
                    + "=email): there is nothing to connect. Make sure your Jira email is " + account.email() + ".", 409);
        }
        requireValidSettings();
        return Response.seeOther(oauth.start(account.id())).build();
    }

    /** Jira cannot be reached while the Admin Console values are wrong: say which, rather than fail on the way. */
    private void requireValidSettings() {
        if (settings.misconfigured()) {
            throw new ServerErrorException("Jira cannot be reached until an admin fixes the integration's settings and"
                    + " redeploys: " + settings.problems().stream().map(problem -> problem.key() + " " + problem.message())
                            .collect(Collectors.joining(" ")), Response.Status.SERVICE_UNAVAILABLE);
        }
    }

    /** "Disconnect": removes the link and its tokens. */
    @DELETE
    public JsonObject disconnect() {
        links.disconnect(user.account().id());
        return status();
    }

    /**
     * Proves the link works. OAuth: asks Jira who the stored token belongs to, refreshing it first if
     * it is about to expire. Email: finds the Jira user with the account's email and records the link.
     */
    @POST
    @Path("check")
    public JsonObject check() {
        Account account = user.account();
        requireValidSettings();
        try {
            JiraUser jiraUser = settings.linkingMethod() == LinkingMethod.EMAIL ? linkByEmail(account) : checkOAuth(account);
            return JSON.createObjectBuilder().add("ok", true).add("jiraName", jiraUser.name())
                    .add("jiraDisplayName", jiraUser.displayName()).build();
        } catch (JiraCallFailed e) {
            throw new ServerErrorException(e.getMessage(), Response.Status.BAD_GATEWAY);
        }
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
                    ? "No Jira user has the email " + account.email() + "; ask a Jira administrator to set it on your Jira profile."
                    : "Several Jira users have the email " + account.email() + ", so none can be linked by email; ask a Jira"
                            + " administrator to make it unique.", 409);
        }
        if (accounts.byEmail(account.email()).size() > 1 || !links.linkByEmail(account.id(), matches.get(0))) {
            throw new ClientErrorException("The Jira user " + matches.get(0).name() + " cannot be linked to you by email: another"
                    + " OpenHands account has the same email, or yours is linked to another Jira user.", 409);
        }
        return matches.get(0);
    }

    static JsonObjectBuilder describe(JiraLink link) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("method", link.method().name().toLowerCase(java.util.Locale.ROOT))
                .add("jiraKey", link.jiraKey())
                .add("jiraName", link.jiraName())
                .add("jiraDisplayName", link.jiraDisplayName())
                .add("linkedAt", link.linkedAt().toString());
        link.jiraEmail().ifPresent(email -> json.add("jiraEmail", email));
        link.brokenReason().ifPresent(reason -> json.add("needsReconnect", reason));
        return json;
    }
}
