package dev.openhands.jiradc.openhands.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * OpenHands' service-to-service API, authenticated by the shared service key rather than a person's key. Errors
 * become exceptions in {@link ServiceResponses}.
 */
@Path("/api/service")
@Produces(MediaType.APPLICATION_JSON)
public interface OpenHandsServiceApi {

    String SERVICE_KEY_HEADER = "X-Service-API-Key";

    /**
     * Gets, or creates once, the user's system API key with this name in the organisation. OpenHands checks the service
     * key first (401), then that the user exists (404), then that they are a member of the organisation (403).
     */
    @POST
    @Path("users/{userId}/orgs/{orgId}/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    CreateUserApiKeyResponse apiKey(@HeaderParam(SERVICE_KEY_HEADER) String serviceKey,
            @PathParam("userId") String userId,
            @PathParam("orgId") String orgId, CreateUserApiKeyRequest request);

    /** {@code CreateUserApiKeyRequest}: the key's name; the same name gets the same key. */
    record CreateUserApiKeyRequest(String name) {
    }

    /** {@code CreateUserApiKeyResponse}: the key (also {@code user_id}, {@code org_id} and {@code name}, not read). */
    record CreateUserApiKeyResponse(String key) {
    }
}
