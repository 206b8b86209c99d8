package dev.openhands.jiradc.secrets.boundary;

import dev.openhands.jiradc.platform.ErrorMappers;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.secrets.control.SecretCipher.UndecryptableSecret;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** Stored secrets that this deployment cannot open, answered once for every resource. */
public final class SecretsErrorMappers {

    private static final Logger LOG = ProcessingContext.logger(SecretsErrorMappers.class);

    private SecretsErrorMappers() {
    }

    /**
     * Not a bug but a deployment with another {@code secrets.key} (readiness says so too): 503 with what to do, and one
     * log line, not a stack trace for each request.
     */
    @Provider
    public static class Undecryptable implements ExceptionMapper<UndecryptableSecret> {
        @Override
        public Response toResponse(UndecryptableSecret e) {
            LOG.warning(() -> "Refused a request: " + e.getMessage());
            return ErrorMappers.error(Response.status(Response.Status.SERVICE_UNAVAILABLE),
                    "This service cannot open the secrets stored in its database: secrets.key is not the key they were"
                            + " sealed with. Restore the previous secrets.key; /health/ready says the same.");
        }
    }
}
