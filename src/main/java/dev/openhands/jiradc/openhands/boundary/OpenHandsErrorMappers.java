package dev.openhands.jiradc.openhands.boundary;

import dev.openhands.jiradc.openhands.entity.ApiKeyRefused;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import dev.openhands.jiradc.platform.ErrorMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** OpenHands' answers that a request cannot get past, answered once for every resource. */
public final class OpenHandsErrorMappers {

    private OpenHandsErrorMappers() {
    }

    /** The key the caller gave is not valid: their input, so 400 with OpenHands' reason. */
    @Provider
    public static class KeyRefused implements ExceptionMapper<ApiKeyRefused> {
        @Override
        public Response toResponse(ApiKeyRefused e) {
            return ErrorMappers.error(Response.status(Response.Status.BAD_REQUEST), e.getMessage());
        }
    }

    /** OpenHands could not be asked: 503, try again later. */
    @Provider
    public static class Unavailable implements ExceptionMapper<OpenHandsUnavailable> {
        @Override
        public Response toResponse(OpenHandsUnavailable e) {
            return ErrorMappers.error(Response.status(Response.Status.SERVICE_UNAVAILABLE), e.getMessage());
        }
    }
}
