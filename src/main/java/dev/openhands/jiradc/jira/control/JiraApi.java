package dev.openhands.jiradc.jira.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

    @GET
    @Path("rest/api/2/issue/{key}")
    Response issue(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("key") String key,
            @QueryParam("fields") String fields);

    @GET
    @Path("rest/api/2/issue/{key}/comment")
    Response comments(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("key") String key,
            @QueryParam("orderBy") String orderBy, @QueryParam("maxResults") int maxResults, @QueryParam("expand") String expand);

    @POST
    @Path("rest/api/2/issue/{key}/comment")
    @Consumes(MediaType.APPLICATION_JSON)
    Response addComment(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("key") String key, JsonObject comment);

    /** Internal API (Jira 8.x+), best effort: older servers answer 404. */
    @POST
    @Path("rest/internal/2/reactions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response addReaction(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, JsonObject reaction);

    /** A fuzzy search: by login name, display name or email. */
    @GET
    @Path("rest/api/2/user/search")
    Response searchUsers(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("username") String query);

    /** Jira 10+: global webhooks, with a signing secret in {@code configuration.SECRET}. Needs an admin's PAT. */
    @GET
    @Path("rest/jira-webhook/1.0/webhooks")
    Response webhooks(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @POST
    @Path("rest/jira-webhook/1.0/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createWebhook(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, JsonObject webhook);

    @PUT
    @Path("rest/jira-webhook/1.0/webhooks/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateWebhook(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id, JsonObject webhook);

    @DELETE
    @Path("rest/jira-webhook/1.0/webhooks/{id}")
    Response deleteWebhook(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id);

    /** Jira 9.x's webhook API, which cannot sign deliveries: only asked to tell a 9.x server apart. */
    @GET
    @Path("rest/webhooks/1.0/webhook")
    Response legacyWebhooks(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @GET
    @Path("rest/api/2/user")
    Response user(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("username") String username);
}
