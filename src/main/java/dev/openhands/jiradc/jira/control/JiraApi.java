package dev.openhands.jiradc.jira.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Jira Data Center's REST API, relative to {@code jira-dc.base-url}. Answers are read by {@link JiraResponses}. */
@Produces(MediaType.APPLICATION_JSON)
public interface JiraApi {

    /** OAuth 2.0 token endpoint: form-encoded only (Jira answers a JSON body with 500). */
    @POST
    @Path("rest/oauth2/latest/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response token(Form form);

    @GET
    @Path("rest/api/2/myself")
    Response myself(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /** A fuzzy search: by login name, display name or email. */
    @GET
    @Path("rest/api/2/user/search")
    Response searchUsers(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("username") String query);

    @GET
    @Path("rest/api/2/user")
    Response user(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("username") String username);
}
