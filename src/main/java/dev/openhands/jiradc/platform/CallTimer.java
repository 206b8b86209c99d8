package dev.openhands.jiradc.platform;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * Registered on a REST client: counts each call, times those that get an answer, and counts the answers that are
 * errors.
 */
public final class CallTimer implements ClientRequestFilter, ClientResponseFilter {

    private static final String STARTED = CallTimer.class.getName() + ".started";

    private final Metrics metrics;
    private final String service;

    public CallTimer(Metrics metrics, String service) {
        this.metrics = metrics;
        this.service = service;
    }

    @Override
    public void filter(ClientRequestContext request) {
        metrics.calling(service);
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            metrics.called(service, response.getStatus(), System.nanoTime() - started);
        }
    }
}
