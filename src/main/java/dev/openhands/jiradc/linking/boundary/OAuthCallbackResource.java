package dev.openhands.jiradc.linking.boundary;

import dev.openhands.jiradc.accounts.boundary.SignedInUser;
import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.linking.control.OAuthLinking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** Where Jira sends the browser back after "Connect"; it always ends on the settings page with the outcome. */
@Path("integration/jira-dc/callback")
public class OAuthCallbackResource {

    @Inject
    SignedInUser user;

    @Inject
    OAuthLinking oauth;

    @GET
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
            @QueryParam("error") String error, @QueryParam("error_description") String errorDescription) {
        var result = oauth.complete(user.current().map(Account::id), state, code, error, errorDescription);
        return Response.seeOther(UriBuilder.fromPath("/settings/integrations")
                .queryParam("jira-dc", result.outcome().code()).build()).build();
    }
}
