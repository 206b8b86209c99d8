package dev.openhands.jiradc.ops.boundary;

import dev.openhands.jiradc.ops.control.StoredCounts;
import dev.openhands.jiradc.platform.Metrics;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Prometheus scrapes {@code /ops/metrics}: what this instance counted, then the jobs and inbox entries stored. Nothing
 * secret is in it, but it tells how busy the service is and how its calls fare: only a scraper with the token, or one
 * on the management networks, reads it.
 */
@Path("ops/metrics")
public class MetricsResource {

    @Inject
    Metrics metrics;

    @Inject
    StoredCounts storedCounts;

    @Inject
    IntegrationSettings settings;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(Metrics.CONTENT_TYPE)
    public String scrape() {
        if (!settings.metricsAccess().allows(request.getHeader(HttpHeaders.AUTHORIZATION), request.getRemoteAddr(),
                request.getHeader("X-Forwarded-For") != null)) {
            throw new ForbiddenException("Metrics are for the management network (" + SettingsKeys.METRICS_NETWORKS
                    + ") or a scraper with the token " + SettingsKeys.METRICS_TOKEN + " (Authorization: Bearer ...).");
        }
        return metrics.render(storedCounts.gauges());
    }
}
