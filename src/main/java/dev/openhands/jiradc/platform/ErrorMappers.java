package dev.openhands.jiradc.platform;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves as {@code {"error": "..."}}: a clear message, never a stack trace. */
public final class ErrorMappers {

    private static final Logger LOG = ProcessingContext.logger(ErrorMappers.class);

    private ErrorMappers() {
    }

    /** The answer {@code {"error": message}}, for a filter that turns a request away before any resource sees it. */
    public static Response error(Response.ResponseBuilder response, String message) {
        return response.type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JSON.createObjectBuilder().add("error", message).build().toString()).build();
    }

    /** Errors the application raised on purpose keep their status and message. */
    @Provider
    public static class Expected implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            if (original.hasEntity()) {
                return original;
            }
            String message = e.getMessage() != null ? e.getMessage() : original.getStatusInfo().getReasonPhrase();
            return error(Response.fromResponse(original), message);
        }
    }

    /**
     * A failed commit of a {@code @Transactional} method. Without this, Jersey's own mapper for it takes over, which
     * only unwraps a {@link WebApplicationException} and otherwise fails, leaving the app server's HTML error page.
     */
    @Provider
    public static class FailedTransaction implements ExceptionMapper<TransactionalException> {
        @Override
        public Response toResponse(TransactionalException e) {
            return e.getCause() instanceof WebApplicationException expected ? new Expected().toResponse(expected)
                    : new Unexpected().toResponse(e);
        }
    }

    /** Anything else is a bug: logged with a reference the user can quote, answered without details. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof WebApplicationException expected) {
                return new Expected().toResponse(expected);
            }
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, e);
            return error(Response.serverError(),
                    "Internal error; the server log has the details under reference " + reference + ".");
        }
    }
}
