package dev.openhands.jiradc.linking.boundary;

import dev.openhands.jiradc.accounts.boundary.Accounts;
import dev.openhands.jiradc.accounts.boundary.AdminOnly;
import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.jira.boundary.Jira;
import dev.openhands.jiradc.jira.entity.JiraUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** For admins: who is linked, and what would happen if a given Jira user asked for OpenHands. */
@Path("api/integrations/jira-dc")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class LinksAdminResource {

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
    public List<LinkJson.Link> links() {
        return links.all().stream()
                .map(link -> LinkJson.Link.of(link, accounts.byId(link.accountId()).map(Account::email).orElse(null)))
                .toList();
    }

    /** Looks the Jira user up with the service account, then resolves them without recording anything. */
    @GET
    @Path("users/{username}/resolution")
    public LinkJson.ResolutionPreview resolution(@PathParam("username") String username) {
        JiraUser jiraUser = jira.findUserByName(username)
                .orElseThrow(() -> new NotFoundException("Jira has no user named " + username + "."));
        return LinkJson.ResolutionPreview.of(jiraUser, resolution.preview(jiraUser));
    }
}
