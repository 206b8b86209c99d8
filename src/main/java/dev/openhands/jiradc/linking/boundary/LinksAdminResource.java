package dev.openhands.jiradc.linking.boundary;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.accounts.boundary.Accounts;
import dev.openhands.jiradc.accounts.boundary.SignedInUser;
import dev.openhands.jiradc.jira.boundary.Jira;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.linking.entity.Resolution;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** For admins: who is linked, and what would happen if a given Jira user asked for OpenHands. */
@Path("api/integrations/jira-dc")
@Produces(MediaType.APPLICATION_JSON)
public class LinksAdminResource {

    @Inject
    SignedInUser user;

    @Inject
    Links links;

    @Inject
    Accounts accounts;

    @Inject
    JiraUserResolution resolution;

    @Inject
    Jira jira;

    @GET
    @Path("links")
    public JsonArray links() {
        user.admin();
        JsonArrayBuilder all = JSON.createArrayBuilder();
        links.all().forEach(link -> {
            JsonObjectBuilder json = LinkResource.describe(link);
            accounts.byId(link.accountId()).ifPresent(account -> json.add("account", account.email()));
            all.add(json);
        });
        return all.build();
    }

    /** Looks the Jira user up with the service account, then resolves them without recording anything. */
    @GET
    @Path("users/{username}/resolution")
    public JsonObject resolution(@PathParam("username") String username) {
        user.admin();
        JiraUser jiraUser;
        try {
            jiraUser = jira.userByName(username);
        } catch (JiraCallFailed e) {
            if (e.status() == 404) {
                throw new NotFoundException("Jira has no user named " + username + ".");
            }
            throw new ServerErrorException(e.getMessage(), Response.Status.BAD_GATEWAY);
        }
        Resolution result = resolution.preview(jiraUser);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("jiraName", jiraUser.name())
                .add("jiraKey", jiraUser.key())
                .add("outcome", result.status().code());
        jiraUser.emailAddress().ifPresent(email -> json.add("jiraEmail", email));
        result.account().ifPresent(account -> json.add("account", account.email()));
        return json.build();
    }
}
