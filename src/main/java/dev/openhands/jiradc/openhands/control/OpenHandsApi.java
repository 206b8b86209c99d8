package dev.openhands.jiradc.openhands.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The OpenHands app server's REST API; every call carries the user's API key as a bearer token. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface OpenHandsApi {

    /** The user the key belongs to: {@code {"id": ..., "email": ...}}; 401 for a bad key. */
    @GET
    @Path("v1/users/me")
    Response currentUser(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /**
     * A targeted search, on one Git provider, for repositories the user can reach: {@code {"items": [...], "next_page_id": ...}};
     * never a full listing.
     */
    @GET
    @Path("v1/git/repositories/search")
    Response searchRepositories(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("provider") String provider,
            @QueryParam("query") String query, @QueryParam("limit") int limit);

    /** The Git provider the user works with in OpenHands, and their organisations there: {@code {"provider": ..., "organizations": [...]}}. */
    @GET
    @Path("v1/users/git-organizations")
    Response gitOrganizations(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /** Starts a conversation; the answer is a start task to follow until READY or ERROR. */
    @POST
    @Path("v1/app-conversations")
    @Consumes(MediaType.APPLICATION_JSON)
    Response startConversation(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, JsonObject request);

    /** The start tasks with these ids: a JSON array, {@code null} for an unknown id. */
    @GET
    @Path("v1/app-conversations/start-tasks")
    Response startTasks(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("ids") String ids);

    /** The user's start tasks created since a time, oldest first: {@code {"items": [...], "next_page_id": ...}}. */
    @GET
    @Path("v1/app-conversations/start-tasks/search")
    Response searchStartTasks(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("created_at__gte") String since,
            @QueryParam("sort_order") String sortOrder, @QueryParam("page_id") String pageId, @QueryParam("limit") int limit);

    /** The conversations with these ids: a JSON array, {@code null} for an unknown id. */
    @GET
    @Path("v1/app-conversations")
    Response conversations(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("ids") String ids);

    /** A page of a conversation's events: {@code {"items": [...], "next_page_id": ...}}. */
    @GET
    @Path("v1/conversation/{id}/events/search")
    Response events(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String conversationId,
            @QueryParam("sort_order") String sortOrder, @QueryParam("limit") int limit);

    /** A follow-up message to a conversation; 404, 409 (paused), 410 (archived), 502 and 503 when its sandbox cannot take it. */
    @POST
    @Path("v1/app-conversations/{id}/send-message")
    @Consumes(MediaType.APPLICATION_JSON)
    Response sendMessage(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String conversationId,
            JsonObject message);
}
