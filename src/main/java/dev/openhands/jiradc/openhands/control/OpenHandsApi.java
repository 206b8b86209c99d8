package dev.openhands.jiradc.openhands.control;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The OpenHands app server's V1 REST API; every call carries the user's API key as a bearer token. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface OpenHandsApi {

    /** The user the key belongs to: {@code {"id": ..., "email": ...}}; 401 for a bad key. */
    @GET
    @Path("users/me")
    Response currentUser(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);
}
