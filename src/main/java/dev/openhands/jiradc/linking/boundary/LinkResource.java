package dev.openhands.jiradc.linking.boundary;

import dev.openhands.jiradc.accounts.boundary.SignedIn;
import dev.openhands.jiradc.accounts.boundary.SignedInUser;
import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.linking.control.LinkCheck;
import dev.openhands.jiradc.linking.control.OAuthLinking;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.LinkingMethod;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;

/** The signed-in person's link to their Jira account: status, Connect, Disconnect, check. */
@Path("api/integrations/jira-dc/link")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class LinkResource {

    @Inject
    SignedInUser user;

    @Inject
    Links links;

    @Inject
    OAuthLinking oauth;

    @Inject
    LinkCheck linkCheck;

    @Inject
    IntegrationSettings settings;

    @GET
    public LinkJson.Status status() {
        String accountId = user.account().id();
        var link = links.ofAccount(accountId).map(found -> LinkJson.Link.of(found, null));
        return new LinkJson.Status(settings.linkingMethod().configValue(), link.isPresent(), link.orElse(null),
                links.lastAttempt(accountId).map(LinkJson.Attempt::of).orElse(null));
    }

    /** "Connect": sends the browser to Jira to grant access. */
    @GET
    @Path("connect")
    public Response connect() {
        Account account = user.account();
        if (settings.linkingMethod() != LinkingMethod.OAUTH) {
            throw new ClientErrorException("This installation links Jira users by email (" + SettingsKeys.LINKING_METHOD
                    + "=email): there is nothing to connect. Make sure your Jira email is " + account.email() + ".",
                    409);
        }
        requireValidSettings();
        return Response.seeOther(oauth.start(account.id())).build();
    }

    /** "Disconnect": removes the link and its tokens. */
    @DELETE
    public LinkJson.Status disconnect() {
        links.disconnect(user.account().id());
        return status();
    }

    /** Proves the link works ({@link LinkCheck}). */
    @POST
    @Path("check")
    public LinkJson.Checked check() {
        requireValidSettings();
        return LinkJson.Checked.of(linkCheck.check(user.account()));
    }

    /** Jira cannot be reached while the Admin Console values are wrong: say which, rather than fail on the way. */
    private void requireValidSettings() {
        if (settings.misconfigured()) {
            throw new ServerErrorException("Jira cannot be reached until an admin fixes the integration's settings and"
                    + " redeploys: "
                    + settings.problems().stream().map(problem -> problem.key() + " " + problem.message())
                            .collect(Collectors.joining(" ")),
                    Response.Status.SERVICE_UNAVAILABLE);
        }
    }
}
